package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads the lead-scoring case study's own files. */
class CsvReaderLeadscoringTest {

    private static final List<String> INTERACTIONS = List.of("1_on_1_industry_mentorship", "call_us_button_clicked",
            "career_assistance", "career_coach", "career_impact", "careers", "chat_clicked", "companies",
            "download_button_clicked", "download_syllabus", "emi_partner_click", "emi_plans_clicked",
            "fee_component_click", "hiring_partners", "homepage_upgrad_support_number_clicked",
            "industry_projects_case_studies", "live_chat_button_clicked", "payment_amount_toggle_mover",
            "placement_support", "placement_support_banner_tab_clicked", "program_structure", "programme_curriculum",
            "programme_faculty", "request_callback_on_instant_customer_support_cta_clicked", "shorts_entry_click",
            "social_referral_click", "specialisation_tab_clicked", "specializations", "specilization_click",
            "syllabus", "syllabus_expand", "syllabus_submodule_expand", "tab_career_assistance",
            "tab_job_opportunities", "tab_student_support", "view_programs_page", "whatsapp_chat_click");

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CsvReaderLeadscoringTest.class.getResource("/leadscoring/" + name).toURI());
    }

    @Test
    void readsTheCaseStudyTestFileWithItsShapeNullsAndTypes() throws Exception {
        CsvReadResult result = CsvReader.builder().build().readWithReport(resource("leadscoring_test.csv"));
        Table leads = result.table();
        assertEquals(100, leads.rowCount());
        assertEquals(45, leads.columnCount());
        assertFalse(result.report().indexColumnDropped());
        assertEquals(51.0, leads.numeric("app_complete_flag").sum());
        assertEquals(8, leads.column("city_mapped").nullCount());
        assertEquals(ColumnType.CATEGORICAL, leads.column("city_mapped").type());
        assertEquals(ColumnType.TIMESTAMP, leads.column("created_date").type());
        assertEquals(Instant.parse("2021-11-19T15:25:38Z"), leads.timestamp("created_date").get(0));
        for (String level : List.of("first_platform_c", "first_utm_medium_c", "first_utm_source_c")) {
            assertEquals(ColumnType.CATEGORICAL, leads.column(level).type(), level);
        }
        assertEquals(ColumnType.NUMERIC, leads.column("total_leads_droppped").type());
        assertEquals(ColumnType.NUMERIC, leads.column("referred_lead").type());
        assertEquals(37, INTERACTIONS.size());
        for (String interaction : INTERACTIONS) {
            assertEquals(ColumnType.NUMERIC, leads.column(interaction).type(), interaction);
            assertEquals(100, leads.column(interaction).nullCount(), interaction);
        }
    }

    @Test
    void readsTheInteractionMappingDespiteItsByteOrderMarkAndCrlfLineEnds() throws Exception {
        Path file = resource("interaction_mapping.csv");
        byte[] raw = Files.readAllBytes(file);
        assertEquals(0xEF, raw[0] & 0xFF, "the fixture starts with a UTF-8 byte order mark");
        assertTrue(new String(raw, java.nio.charset.StandardCharsets.UTF_8).contains("\r\n"),
                "the fixture has CRLF line ends");
        Table mapping = CsvReader.builder().build().read(file);
        assertEquals(List.of("interaction_type", "interaction_mapping"), mapping.columnNames());
        assertEquals(37, mapping.rowCount());
        assertEquals(INTERACTIONS, java.util.stream.IntStream.range(0, 37)
                .mapToObj(i -> mapping.column("interaction_type").get(i)).toList());
        assertTrue(mapping.column("interaction_mapping").get(36).toString().endsWith("_interaction"),
                "no carriage return is left in the last field");
        assertEquals(5, mapping.categorical("interaction_mapping").levels().size());
    }

    @Test
    void streamsTheCaseStudyTestFileInChunksThatAddUpToTheWholeTable() throws Exception {
        CsvReader reader = CsvReader.builder().build();
        Table whole = reader.read(resource("leadscoring_test.csv"));
        List<Table> chunks = new java.util.ArrayList<>();
        CsvReadReport report = reader.stream(resource("leadscoring_test.csv"), 30, chunks::add);
        assertEquals(List.of(30, 30, 30, 10), chunks.stream().map(Table::rowCount).toList());
        assertEquals(100, report.rowsRead());
        Table joined = Table.concat(chunks);
        assertEquals(whole.columnNames(), joined.columnNames());
        for (int c = 0; c < whole.columnCount(); c++) {
            for (int row = 0; row < 100; row++) {
                assertEquals(whole.column(c).get(row), joined.column(c).get(row));
            }
        }
    }
}
