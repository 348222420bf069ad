package uk.dmadvisor.service.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.dmadvisor.api.model.Question;
import uk.dmadvisor.api.model.QuestionCondition;
import uk.dmadvisor.api.model.QuestionOption;
import uk.dmadvisor.api.model.QuestionTopic;
import uk.dmadvisor.api.model.Questionnaire;
import uk.dmadvisor.service.pages.QuestionForm.Slot;

/** The form reading of a catalogue: conditions, answers into the request by field path, checks, problem mapping. */
class QuestionFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Question question(String id, String field, Question.TypeEnum type) {
        return new Question().id(id).field(field).text(id + "?").help("help").type(type).required(true);
    }

    private final Question material = question("material", "facts.material", Question.TypeEnum.BOOLEAN);
    private final Question travels = question("travels", "facts.travel.answer", Question.TypeEnum.YES_NO_UNKNOWN)
            .options(List.of(new QuestionOption().value("YES").label("Yes"), new QuestionOption().value("NO").label("No")))
            .askedWhen(List.of(new QuestionCondition().question("material").expectedAnswer(true)));
    private final Question minutes = question("minutes", "facts.minutes", Question.TypeEnum.NUMBER)
            .unit("minutes").min(BigDecimal.ZERO).minExclusive(true);
    private final Question itemId = question("itemId", "id", Question.TypeEnum.TEXT).maxLength(5);
    private final Question sites = question("sites", "siteIds", Question.TypeEnum.MULTI_CHOICE).optionsFrom("sites[].id");
    private final QuestionForm form = new QuestionForm(new Questionnaire().model("m").modelVersion("1").endpoint("/e")
            .topics(List.of(
                    new QuestionTopic().id("facts").title("Facts").questions(List.of(material, travels, minutes)),
                    new QuestionTopic().id("items").title("Items").repeat("items").questions(List.of(itemId, sites)))));

    private Slot slot(String topic, String path, ObjectNode draft) {
        return form.slots(form.topic(topic), draft).stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void answersGoIntoTheRequestByFieldPathTypedByTheQuestion() throws Exception {
        ObjectNode draft = JSON.createObjectNode();
        form.answer(draft, slot("facts", "facts.material", draft), List.of("true"));
        form.answer(draft, slot("facts", "facts.travel.answer", draft), List.of("NO"));
        form.answer(draft, slot("facts", "facts.minutes", draft), List.of("1,440"));
        assertThat(draft.toString()).isEqualTo("{\"facts\":{\"material\":true,\"travel\":{\"answer\":\"NO\"},\"minutes\":1440}}");
    }

    @Test
    void aQuestionIsAskedOnlyWhenItsConditionsHoldAndAnAnswerNoLongerAskedIsTakenOut() throws Exception {
        ObjectNode draft = (ObjectNode) JSON.readTree("{\"facts\":{\"material\":true,\"travel\":{\"answer\":\"NO\"}}}");
        assertThat(form.asked(slot("facts", "facts.travel.answer", draft), draft)).isTrue();
        ((ObjectNode) draft.get("facts")).put("material", false);
        assertThat(form.asked(slot("facts", "facts.travel.answer", draft), draft)).isFalse();
        form.pruneUnasked(draft);
        assertThat(draft).isEqualTo(JSON.readTree("{\"facts\":{\"material\":false}}"));
    }

    @Test
    void thePageChecksWhatTheCatalogueDeclares() throws Exception {
        ObjectNode draft = (ObjectNode) JSON.readTree("{\"facts\":{\"material\":true,\"minutes\":0},"
                + "\"sites\":[{\"id\":\"A\"}],\"items\":[{\"id\":\"TOOLONG\",\"siteIds\":[\"B\"]}]}");
        form.answer(draft, slot("facts", "facts.minutes", draft), List.of("soon"));
        assertThat(form.check(form.topic("facts"), draft)).containsEntry("facts.travel.answer", "Select an answer")
                .containsEntry("facts.minutes", "Enter a number of minutes");
        ((ObjectNode) draft.get("facts")).put("minutes", 0);
        assertThat(form.check(form.topic("facts"), draft)).containsEntry("facts.minutes", "Enter a number greater than 0");
        assertThat(form.check(form.topic("items"), draft))
                .containsEntry("items[0].id", "Enter no more than 5 characters")
                .containsEntry("items[0].siteIds", "\"B\" is not one of the choices");
    }

    @Test
    void aProblemFieldLeadsToTheQuestionAtItWithinItOrUnderIt() throws Exception {
        ObjectNode draft = (ObjectNode) JSON.readTree("{\"facts\":{\"material\":true},\"items\":[{},{}]}");
        assertThat(form.slotFor("items[1].id", draft).id()).isEqualTo("itemId-1");
        assertThat(form.slotFor("items[1].siteIds[0]", draft).path()).isEqualTo("items[1].siteIds");
        assertThat(form.slotFor("facts.travel", draft).path()).isEqualTo("facts.travel.answer");
        assertThat(form.slotFor("elsewhere", draft)).isNull();
    }

    @Test
    void answersReadBackInWords() throws Exception {
        ObjectNode draft = (ObjectNode) JSON.readTree("{\"facts\":{\"material\":true,\"minutes\":2.50,"
                + "\"travel\":{\"answer\":\"NO\"}}}");
        assertThat(form.display(material, draft.at("/facts/material"), draft)).isEqualTo("Yes");
        assertThat(form.display(minutes, JSON.readTree("2.50").deepCopy(), draft)).isEqualTo("2.5 minutes");
        assertThat(form.display(travels, draft.at("/facts/travel/answer"), draft)).isEqualTo("No");
    }
}
