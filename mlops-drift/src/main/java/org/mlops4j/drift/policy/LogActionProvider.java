package org.mlops4j.drift.policy;

import java.nio.file.Path;
import java.util.Optional;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.TriggerAction;
import org.mlops4j.core.monitor.TriggerContext;
import org.mlops4j.core.spi.TriggerActionProvider;
import org.mlops4j.drift.internal.JsonLinesFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code log} action: writes one alert line through SLF4J (logger {@code org.mlops4j.monitor.alerts}; level
 * {@code WARN} for retrain and escalate, {@code INFO} otherwise) and, when
 * {@value MlopsProperties#MONITOR_ALERTS_FILE} names a file, appends the decision to it as one JSON line. Takes no
 * target.
 */
public final class LogActionProvider implements TriggerActionProvider {

    /** The provider's name. */
    public static final String NAME = "log";

    private static final Logger ALERTS = LoggerFactory.getLogger("org.mlops4j.monitor.alerts");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Logs an alert line and appends the decision to the alerts file ("
                + MlopsProperties.MONITOR_ALERTS_FILE + ")";
    }

    @Override
    public TriggerAction create(TriggerContext context) {
        if (!context.target().isEmpty()) {
            throw new ConfigurationException("The log action takes no target, got 'log:" + context.target()
                    + "'; set " + MlopsProperties.MONITOR_ALERTS_FILE + " to choose the alerts file");
        }
        Optional<Path> file = context.config().get(MlopsProperties.MONITOR_ALERTS_FILE).filter(s -> !s.isEmpty())
                .map(Path::of);
        return new LogAction(file);
    }

    private record LogAction(Optional<Path> file) implements TriggerAction {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String execute(PolicyDecision decision) {
            String format = "Drift policy decided {}: {}";
            // an escalation is the policy's outcome, a warning about the data, not an error of the program
            if (decision.action() == ActionKind.ESCALATE || decision.action() == ActionKind.RETRAIN) {
                ALERTS.warn(format, decision.action().key(), decision.reason());
            } else {
                ALERTS.info(format, decision.action().key(), decision.reason());
            }
            if (file.isEmpty()) {
                return "logged";
            }
            JsonLinesFile.append(file.get(), new DecisionOutcome(decision, java.util.List.of()).toJson());
            return "logged and appended to " + file.get();
        }
    }
}
