package org.mlops4j.core.spi.support.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void hidesPasswordParametersOfEveryCommonForm() {
        assertEquals("jdbc:postgresql://db:5432/mlops?user=ml&password=***&ssl=true",
                JdbcUrls.redact("jdbc:postgresql://db:5432/mlops?user=ml&password=s3cr3t&ssl=true"));
        assertEquals("jdbc:h2:tcp://db/runs;USER=sa;PASSWORD=***;MODE=PostgreSQL",
                JdbcUrls.redact("jdbc:h2:tcp://db/runs;USER=sa;PASSWORD=xy;MODE=PostgreSQL"));
        assertEquals("jdbc:mysql://ml:***@db/runs", JdbcUrls.redact("jdbc:mysql://ml:pa55@db/runs"));
        assertEquals("jdbc:postgresql://db/mlops?sslpassword=***", JdbcUrls.redact(
                "jdbc:postgresql://db/mlops?sslpassword=k"));
    }

    @Test
    void leavesUrlsWithoutSecretsAlone() {
        assertEquals("jdbc:sqlite:/data/pipeline.db", JdbcUrls.redact("jdbc:sqlite:/data/pipeline.db"));
        assertEquals("jdbc:postgresql://db:5432/mlops?user=ml", JdbcUrls.redact("jdbc:postgresql://db:5432/mlops?user=ml"));
    }
}
