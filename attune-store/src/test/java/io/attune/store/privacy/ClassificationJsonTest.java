package io.attune.store.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.privacy.ClassificationProblem;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.PageClass;
import io.attune.core.privacy.PrivacyClassification;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> problems(String text) {
        try {
            ClassificationJson.fromJson(json(text));
        } catch (ClassificationJson.InvalidClassificationException e) {
            return e.problems().stream().map(ClassificationProblem::field).toList();
        }
        throw new AssertionError("accepted " + text);
    }

    @Test
    void a_classification_is_read_written_and_read_back_the_same() {
        PrivacyClassification read = ClassificationJson.fromJson(json("""
                {"healthTerms": ["Lakeside Bridge"], "substanceUseTerms": ["New Dawn"],
                 "dictionary": [{"property": "programInterest", "dataClass": "substance_use"},
                                {"property": "planTier", "dataClass": "technical", "acknowledgeWeakening": true}],
                 "userIds": ["crmContactId"],
                 "pageRules": [{"rule": "prefix:/Open-House", "pageClass": "health_intent"}],
                 "contentGroups": [{"pathPrefix": "/locations", "group": "locations"}]}"""));

        assertThat(read.dictionary().get(1).dataClass()).isEqualTo(DataClass.TECHNICAL);
        assertThat(read.pageRules().get(0).rule().pageClass()).isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(read.pageRules().get(0).spec()).isEqualTo("prefix:/open-house");
        JsonNode written = ClassificationJson.toJson(read);
        assertThat(written.at("/weakenings/0/subject").asText()).isEqualTo("planTier");
        assertThat(written.at("/weakenings/0/defaultClass").asText()).isEqualTo("health");
        assertThat(ClassificationJson.fromJson(written)).as("the read-only weakenings may come back").isEqualTo(read);
        assertThat(ClassificationJson.decode(ClassificationJson.encode(read))).isEqualTo(read);
    }

    @Test
    void an_empty_document_is_the_defaults_alone() {
        assertThat(ClassificationJson.fromJson(json("{}"))).isEqualTo(PrivacyClassification.NONE);
    }

    @Test
    void every_problem_of_form_and_meaning_is_named_at_once_where_it_stands_in_the_document() {
        assertThat(problems("""
                {"healthTerms": "Lakeside", "colour": "blue",
                 "dictionary": [{"property": "x", "dataClass": "medical"},
                                {"property": "intakeAnswers", "dataClass": "technical"},
                                {"property": "planTier", "dataClass": "health", "note": 1}],
                 "userIds": [7],
                 "pageRules": [{"rule": "path:/x", "pageClass": "health_intent"},
                               {"rule": "prefix:/locations", "pageClass": "non_health", "acknowledgeWeakening": "yes"},
                               {"rule": "prefix:/careers", "pageClass": "non_health"},
                               {"rule": "prefix:/x", "pageClass": "private"}],
                 "contentGroups": [{"pathPrefix": "locations", "group": "locations"}, {"group": ""}]}"""))
                .containsExactlyInAnyOrder("healthTerms", "colour", "dictionary[0].dataClass",
                        "dictionary[2].note", "userIds[0]", "pageRules[0].rule",
                        "pageRules[1].acknowledgeWeakening", "pageRules[3].pageClass",
                        "contentGroups[0].pathPrefix", "contentGroups[1].pathPrefix", "contentGroups[1].group",
                        "dictionary[1].acknowledgeWeakening", "pageRules[2].acknowledgeWeakening");
    }

    @Test
    void a_document_that_is_not_an_object_is_refused_as_the_body() {
        assertThatThrownBy(() -> ClassificationJson.fromJson(json("[]")))
                .isInstanceOfSatisfying(ClassificationJson.InvalidClassificationException.class,
                        e -> assertThat(e.problems()).extracting(ClassificationProblem::field).containsExactly("body"));
    }
}
