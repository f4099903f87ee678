package org.mlops4j.drift.policy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.monitor.TriggerAction;
import org.mlops4j.core.monitor.TriggerContext;
import org.mlops4j.core.spi.TriggerActionProvider;

/**
 * The {@code webhook:NAME} action: POSTs the decision as JSON to the URL configured for {@code NAME}, signed with
 * HMAC-SHA256, with timeouts, retries and rate limiting ({@link WebhookAction}). Everything comes from the host's
 * configuration, never from a pipeline or policy file, under {@code mlops.monitor.webhook.NAME.}:
 *
 * <pre>
 * url           the receiver, http or https (required)
 * secret        the HMAC-SHA256 key; the signature goes in X-Mlops-Signature: sha256=&lt;hex of the body's MAC&gt;
 * timeout       per attempt, ISO-8601 (default PT10S)
 * attempts      tries in all, at least 1 (default 3); 5xx, 429 and network errors are tried again
 * retry_delay   before the second try, doubling after (default PT1S)
 * min_interval  at most one delivery per action kind within it; the others are counted, not sent (default PT15M)
 * </pre>
 */
public final class WebhookActionProvider implements TriggerActionProvider {

    /** The provider's name. */
    public static final String NAME = "webhook";

    /** The prefix of this action's configuration keys; the webhook's name and a key follow. */
    public static final String KEY_PREFIX = "mlops.monitor.webhook.";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "POSTs the decision as signed JSON to a configured URL (" + KEY_PREFIX + "<name>.url), with retries "
                + "and rate limiting";
    }

    @Override
    public TriggerAction create(TriggerContext context) {
        return new WebhookAction(settings(context.target(), context.config()), Clock.systemUTC());
    }

    /**
     * @param name   the webhook's name, the action's target
     * @param config the host's configuration
     * @return the webhook's settings
     * @throws ConfigurationException naming the key when one is missing or invalid
     */
    static WebhookAction.Settings settings(String name, MlopsConfig config) {
        if (name.isEmpty()) {
            throw new ConfigurationException("The webhook action needs a name, such as 'webhook:oncall', whose URL is "
                    + "configured as " + KEY_PREFIX + "oncall.url");
        }
        String prefix = KEY_PREFIX + name + ".";
        String url = config.get(prefix + "url").filter(s -> !s.isBlank()).orElseThrow(() ->
                new ConfigurationException("The action 'webhook:" + name + "' has no URL: set " + prefix + "url"));
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(prefix + "url is not a URL: '" + url + "'", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ConfigurationException(prefix + "url must be an http or https URL, found '" + url + "'");
        }
        int attempts = config.getInt(prefix + "attempts", 3);
        if (attempts < 1) {
            throw new ConfigurationException(prefix + "attempts must be at least 1, found " + attempts);
        }
        Optional<String> secret = config.get(prefix + "secret").filter(s -> !s.isEmpty());
        return new WebhookAction.Settings(name, uri, secret, duration(config, prefix + "timeout", "PT10S"), attempts,
                duration(config, prefix + "retry_delay", "PT1S"), duration(config, prefix + "min_interval", "PT15M"));
    }

    private static Duration duration(MlopsConfig config, String key, String fallback) {
        String text = config.get(key, fallback).trim();
        try {
            Duration value = Duration.parse(text);
            if (value.isNegative()) {
                throw new ConfigurationException(key + " must not be negative, found '" + text + "'");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(key + " must be an ISO-8601 duration such as PT10S, found '" + text + "'",
                    e);
        }
    }
}
