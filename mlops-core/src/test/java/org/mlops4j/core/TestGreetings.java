package org.mlops4j.core;

/** Providers of {@link GreetingProvider} that the discovery tests list in service files they write. */
public final class TestGreetings {

    private TestGreetings() {
    }

    /** Named {@code hello}. */
    public static final class Hello implements GreetingProvider {
        @Override
        public String name() {
            return "hello";
        }

        @Override
        public String greet() {
            return "hello";
        }
    }

    /** Named {@code bonjour}. */
    public static final class Bonjour implements GreetingProvider {
        @Override
        public String name() {
            return "bonjour";
        }

        @Override
        public String greet() {
            return "bonjour";
        }
    }

    /** Also named {@code hello}: a duplicate of {@link Hello}. */
    public static final class OtherHello implements GreetingProvider {
        @Override
        public String name() {
            return "hello";
        }

        @Override
        public String greet() {
            return "hi";
        }
    }

    /** Fails in its constructor, as a provider with a missing dependency would. */
    public static final class Broken implements GreetingProvider {
        /** Always throws. */
        public Broken() {
            throw new IllegalStateException("needs a library that is not on the class path");
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public String greet() {
            return "never";
        }
    }

    /** Has a name that breaks the naming rule. */
    public static final class Shouting implements GreetingProvider {
        @Override
        public String name() {
            return "HELLO";
        }

        @Override
        public String greet() {
            return "HELLO";
        }
    }
}
