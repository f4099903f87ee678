package org.mlops4j.core.tracking;

/**
 * A search filter or order-by clause is not valid. The message quotes the text with a caret under the position of the
 * problem, says what was expected there and what was found.
 */
public final class FilterSyntaxException extends InvalidTrackingInputException {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final int position;

    /**
     * @param problem  what was expected and what was found
     * @param text     the filter or clause as given
     * @param position the 0-based character position of the problem
     */
    public FilterSyntaxException(String problem, String text, int position) {
        super(describe(problem, text, position));
        this.text = text;
        this.position = position;
    }

    /** @return the filter or clause as given */
    public String text() {
        return text;
    }

    /** @return the 0-based character position of the problem */
    public int position() {
        return position;
    }

    private static String describe(String problem, String text, int position) {
        int column = Math.max(0, Math.min(position, text.length()));
        return "Invalid search filter at position " + column + ": " + problem + "\n  " + text + "\n  "
                + " ".repeat(column) + "^";
    }
}
