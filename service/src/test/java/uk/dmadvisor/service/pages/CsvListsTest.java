package uk.dmadvisor.service.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.api.model.Question;
import uk.dmadvisor.api.model.QuestionOption;
import uk.dmadvisor.api.model.QuestionTopic;

/** The CSV layout of a list: one column per question id, choices by value or label, errors by row and column. */
class CsvListsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuestionTopic changes = new QuestionTopic().id("changes").title("Changes").repeat("changes").questions(List.of(
            new Question().id("changeId").field("id").text("Id").help("h").type(Question.TypeEnum.TEXT).required(true),
            new Question().id("impact").field("qualityImpact").text("What impact?").help("h").type(Question.TypeEnum.CHOICE)
                    .required(true).options(List.of(new QuestionOption().value("MINOR").label("Minor"),
                            new QuestionOption().value("SIGNIFICANT").label("Significant"))),
            new Question().id("sites").field("siteIds").text("Where?").help("h").type(Question.TypeEnum.MULTI_CHOICE)
                    .required(true).optionsFrom("sites[].id"),
            new Question().id("data").field("evidence.comparability").text("Data?").help("h")
                    .type(Question.TypeEnum.BOOLEAN).required(false)));

    @Test
    void readsRowsIntoItemsByFieldPath() throws Exception {
        CsvLists.Imported imported = CsvLists.read(changes, new StringReader(
                "sites,changeId,impact,data\r\nA;B,CC-1,minor,yes\r\n,CC-2,Significant,\r\n"));
        assertThat(imported.errors()).isEmpty();
        assertThat(imported.items()).isEqualTo(JSON.readTree("[{\"siteIds\":[\"A\",\"B\"],\"id\":\"CC-1\","
                + "\"qualityImpact\":\"MINOR\",\"evidence\":{\"comparability\":true}},{\"id\":\"CC-2\",\"qualityImpact\":\"SIGNIFICANT\"}]"));
    }

    @Test
    void namesTheRowAndColumnOfEveryError() {
        CsvLists.Imported imported = CsvLists.read(changes, new StringReader(
                "changeId,impact,sites,data\nCC-1,MAJOR,A,maybe\n"));
        assertThat(imported.errors()).extracting(CsvLists.ImportError::text).containsExactly(
                "Row 2, column impact: \"MAJOR\" is not an answer to \"What impact?\"; accepted: MINOR, SIGNIFICANT",
                "Row 2, column data: \"maybe\" is not an answer to \"Data?\"; accepted: yes, no, true, false");
        assertThat(CsvLists.read(changes, new StringReader("changeId,colour\nCC-1,red\n")).errors())
                .extracting(CsvLists.ImportError::text)
                .contains("Header, column colour: is not a question of changes; the columns are changeId, impact, sites, data",
                        "Header, column impact: is missing; every row must answer it (What impact?)");
    }

    @Test
    void theResultsAreTheLogWithTheAnswersColumnsBesideIt() throws Exception {
        String csv = CsvLists.results(changes,
                JSON.readTree("{\"changes\":[{\"id\":\"CC-1\",\"qualityImpact\":\"MINOR\",\"siteIds\":[\"A\",\"B\"]}]}"),
                JSON.readTree("{\"changes\":[{\"changeId\":\"CC-1\",\"route\":\"LOCAL_PQS\",\"alternatives\":[],\"actions\":[{\"code\":\"X\"},"
                        + "{\"code\":\"Y\"}],\"decisions\":[{\"decision\":\"d\",\"reasons\":[{\"ruleId\":\"R\"}]}]}]}"));
        assertThat(csv).isEqualTo("changeId,impact,sites,data,result.changeId,result.route,result.actions\r\n"
                + "CC-1,MINOR,A;B,,CC-1,LOCAL_PQS,X;Y\r\n");
        assertThat(CsvLists.template(changes)).isEqualTo("changeId,impact,sites,data\r\n");
    }
}
