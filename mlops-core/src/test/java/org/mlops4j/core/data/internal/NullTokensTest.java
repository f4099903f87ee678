package org.mlops4j.core.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.CsvReader;

class NullTokensTest {

    @Test
    void matchesExactlyTheTokensAndNothingElse() {
        NullTokens tokens = new NullTokens(CsvReader.DEFAULT_NULL_TOKENS);
        for (String token : CsvReader.DEFAULT_NULL_TOKENS) {
            assertEquals(true, tokens.isNull(token), token);
        }
        for (String other : List.of("1.0", "na", "Na", "NA ", " NA", "1.#INX", "Level3", "NULLS", "nil", "0",
                "2021-11-19 15:25:38", "ümlaut", "ÑA")) {
            assertEquals(false, tokens.isNull(other), other);
        }
    }

    @Test
    void matchesTokensThatStartWithCharactersBeyondAscii() {
        NullTokens tokens = new NullTokens(Set.of("–", "пусто"));
        assertEquals(true, tokens.isNull("–"));
        assertEquals(true, tokens.isNull("пусто"));
        assertEquals(false, tokens.isNull("-"));
        assertEquals(false, tokens.isNull(""));
    }
}
