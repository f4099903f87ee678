package org.mlops4j.tracking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.ModelAlreadyExistsException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingNotFoundException;

/** MLflow's error answers read, and mapped onto mlops4j's exceptions. */
class ServerErrorTest {

    private static final URI SERVER = URI.create("http://tracking:5000");

    @Test
    void readsMlflowsErrorBody() {
        ServerError error = ServerError.parse(404, "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", "
                + "\"message\": \"Run with id=abc not found\"}");
        assertEquals(new ServerError(404, "RESOURCE_DOES_NOT_EXIST", "Run with id=abc not found"), error);
        assertTrue(error.notFound());
    }

    @Test
    void mapsMlflowsCodesOntoTheTrackingAndRegistryExceptions() {
        assertInstanceOf(TrackingNotFoundException.class, map(ErrorMapping.TRACKING, 404, "RESOURCE_DOES_NOT_EXIST"));
        assertInstanceOf(TrackingAlreadyExistsException.class,
                map(ErrorMapping.TRACKING, 400, "RESOURCE_ALREADY_EXISTS"));
        assertInstanceOf(InvalidTrackingInputException.class,
                map(ErrorMapping.TRACKING, 400, "INVALID_PARAMETER_VALUE"));
        assertEquals(TrackingException.class, map(ErrorMapping.TRACKING, 500, "INTERNAL_ERROR").getClass());
        assertInstanceOf(ModelNotFoundException.class, map(ErrorMapping.REGISTRY, 404, "RESOURCE_DOES_NOT_EXIST"));
        assertInstanceOf(ModelAlreadyExistsException.class,
                map(ErrorMapping.REGISTRY, 400, "RESOURCE_ALREADY_EXISTS"));
        assertInstanceOf(InvalidRegistryValueException.class,
                map(ErrorMapping.REGISTRY, 400, "INVALID_PARAMETER_VALUE"));
    }

    @Test
    void aPageThatIsNotMlflowsIsDescribedByItsStatus() {
        ServerError page = ServerError.parse(405, "<!DOCTYPE html><html><title>405</title></html>");
        assertEquals(ServerError.ENDPOINT_NOT_FOUND, page.code());
        assertEquals("HTTP 405: an HTML page, not MLflow's JSON error", page.message());
        RuntimeException missing = ErrorMapping.TRACKING.of(page, SERVER);
        assertInstanceOf(ConfigurationException.class, missing);
        assertTrue(missing.getMessage().contains("has no endpoint") && missing.getMessage().contains(SERVER.toString()),
                missing.getMessage());
        assertEquals("HTTP 502: Bad Gateway", ServerError.parse(502, "Bad   Gateway\n").message());
    }

    @Test
    void refusedCredentialsSayWhichSettingToFix() {
        RuntimeException e = ErrorMapping.REGISTRY.of(ServerError.parse(401, ""), SERVER);
        assertInstanceOf(ConfigurationException.class, e);
        assertTrue(e.getMessage().contains("MLFLOW_TRACKING_TOKEN") && e.getMessage().contains(SERVER.toString()),
                e.getMessage());
    }

    private static RuntimeException map(ErrorMapping mapping, int status, String code) {
        return mapping.of(new ServerError(status, code, "message"), SERVER);
    }
}
