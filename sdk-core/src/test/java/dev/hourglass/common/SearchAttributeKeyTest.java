package dev.hourglass.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryFormatException;
import dev.hourglass.internal.history.SearchAttributesJson;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys, sets and updates of search attributes: names, types, immutability and their JSON form. */
class SearchAttributeKeyTest {

    static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("CustomerId");
    static final SearchAttributeKey<Long> AMOUNT = SearchAttributeKey.forLong("AmountCents");
    static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");

    @Test
    void eachFactoryGivesItsType() {
        assertThat(List.of(SearchAttributeKey.forKeyword("a"), SearchAttributeKey.forText("a"),
                SearchAttributeKey.forLong("a"), SearchAttributeKey.forDouble("a"), SearchAttributeKey.forBoolean("a"),
                SearchAttributeKey.forOffsetDateTime("a"), SearchAttributeKey.forKeywordList("a")))
                .extracting(SearchAttributeKey::getValueType)
                .containsExactly(SearchAttributeType.values());
        assertThat(CUSTOMER.getName()).isEqualTo("CustomerId");
    }

    @Test
    void keysOfTheSameNameAndTypeAreEqual() {
        assertThat(SearchAttributeKey.forKeyword("CustomerId")).isEqualTo(CUSTOMER).hasSameHashCodeAs(CUSTOMER);
        assertThat(SearchAttributeKey.forText("CustomerId")).isNotEqualTo(CUSTOMER);
    }

    @Test
    void namesOtherThanLettersDigitsAndUnderscoresAreRejected() {
        for (String bad : new String[] {"", "customer-id", "with space", "é", "x".repeat(129)}) {
            assertThatThrownBy(() -> SearchAttributeKey.forKeyword(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not valid: a name is 1 to 128 letters (A-Z, a-z), digits and underscores");
        }
        assertThatThrownBy(() -> SearchAttributeKey.forLong(null)).hasMessageContaining("search attribute name null");
        assertThat(SearchAttributeKey.forKeyword("Order_2").getName()).isEqualTo("Order_2");
    }

    @Test
    void builderKeepsNameOrderAndReadsValuesBack() {
        SearchAttributes attributes = SearchAttributes.newBuilder().set(TAGS, List.of("vip")).set(CUSTOMER, "c-1")
                .set(AMOUNT, 5L).build();

        assertThat(attributes.get(CUSTOMER)).isEqualTo("c-1");
        assertThat(attributes.get(TAGS)).containsExactly("vip");
        assertThat(attributes.containsKey(AMOUNT)).isTrue();
        assertThat(attributes.size()).isEqualTo(3);
        assertThat(attributes.getUntypedValues().keySet()).extracting(SearchAttributeKey::getName)
                .containsExactly("AmountCents", "CustomerId", "Tags");
    }

    @Test
    void aKeyOfTheSameNameButAnotherTypeFindsNothing() {
        SearchAttributes attributes = SearchAttributes.newBuilder().set(CUSTOMER, "c-1").build();

        assertThat(attributes.get(SearchAttributeKey.forText("CustomerId"))).isNull();
        assertThat(attributes.containsKey(SearchAttributeKey.forText("CustomerId"))).isFalse();
    }

    @Test
    void aNameMayNotHaveTwoTypes() {
        SearchAttributes.Builder builder = SearchAttributes.newBuilder().set(CUSTOMER, "c-1");

        assertThatThrownBy(() -> builder.set(SearchAttributeKey.forLong("CustomerId"), 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("search attribute CustomerId is already of type Keyword and cannot also be of type Long;"
                        + " use one type per name (or another name)");
    }

    @Test
    void setsAreImmutableAndKeywordListsAreCopied() {
        List<String> tags = new ArrayList<>(List.of("a"));
        SearchAttributes attributes = SearchAttributes.newBuilder().set(TAGS, tags).build();
        tags.add("b");

        assertThat(attributes.get(TAGS)).containsExactly("a");
        assertThatThrownBy(() -> attributes.get(TAGS).add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(SearchAttributes.EMPTY.size()).isZero();
    }

    @Test
    void valuesOfTheWrongTypeOrNullAreRejected() {
        assertThatThrownBy(() -> SearchAttributes.newBuilder().set(CUSTOMER, null))
                .hasMessageContaining("needs a value, not null; to remove it use SearchAttributeUpdate.valueUnset");
        assertThatThrownBy(() -> SearchAttributes.newBuilder().set(SearchAttributeKey.forDouble("Weight"),
                Double.NaN)).hasMessageContaining("takes a finite number");
        @SuppressWarnings({"unchecked", "rawtypes"})
        SearchAttributeKey<Object> raw = (SearchAttributeKey) AMOUNT;
        assertThatThrownBy(() -> SearchAttributes.newBuilder().set(raw, "five"))
                .hasMessage("search attribute AmountCents is of type Long and takes a Long, not a String");
    }

    @Test
    void updatesSetAndUnsetInOrder() {
        SearchAttributes before = SearchAttributes.newBuilder().set(CUSTOMER, "c-1").set(AMOUNT, 5L).build();

        SearchAttributes after = before.withUpdates(List.of(SearchAttributeUpdate.valueSet(AMOUNT, 7L),
                SearchAttributeUpdate.valueUnset(CUSTOMER)));

        assertThat(after).isEqualTo(SearchAttributes.newBuilder().set(AMOUNT, 7L).build());
        assertThat(before.get(AMOUNT)).isEqualTo(5L);
    }

    @Test
    void jsonFormNamesTypeAndValueAndReadsBackEqual() {
        SearchAttributes attributes = SearchAttributes.newBuilder().set(CUSTOMER, "c-1").set(TAGS, List.of("a"))
                .set(SearchAttributeKey.forOffsetDateTime("DueAt"), OffsetDateTime.parse("2024-05-01T10:15:30+02:00"))
                .build();

        String json = SearchAttributesJson.toJson(attributes).toString();

        assertThat(json).isEqualTo("{\"CustomerId\":{\"type\":\"Keyword\",\"value\":\"c-1\"},"
                + "\"DueAt\":{\"type\":\"Datetime\",\"value\":\"2024-05-01T10:15:30+02:00\"},"
                + "\"Tags\":{\"type\":\"KeywordList\",\"value\":[\"a\"]}}");
        assertThat(SearchAttributesJson.fromJson(SearchAttributesJson.toJson(attributes))).isEqualTo(attributes);
    }

    @Test
    void historyWithAMalformedAttributeIsRejectedNamingIt() {
        String history = "{\"format\":\"hourglass-history\",\"version\":1,\"workflowId\":\"w\",\"runId\":\"r\","
                + "\"workflowType\":\"T\",\"taskQueue\":\"q\",\"events\":[{\"eventId\":1,\"eventTime\":"
                + "\"2024-01-01T00:00:00Z\",\"eventType\":\"" + EventType.WorkflowExecutionStarted + "\",\"attributes\":"
                + "{\"workflowType\":\"T\",\"taskQueue\":\"q\",\"input\":[],\"searchAttributes\":"
                + "{\"AmountCents\":{\"type\":\"Long\",\"value\":\"five\"}}}}]}";

        assertThatThrownBy(() -> dev.hourglass.history.History.fromJson(history))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("search attribute AmountCents of type Long has value");
    }

    @Test
    void filterRangesNeedAnOrderedTypeAndABound() {
        assertThatThrownBy(() -> ExecutionFilter.newBuilder().setSearchAttributeRange(CUSTOMER, "a", "b"))
                .hasMessageContaining("has no order: ranges are for Long, Double and Datetime attributes");
        assertThatThrownBy(() -> ExecutionFilter.newBuilder().setSearchAttributeRange(AMOUNT, null, null))
                .hasMessageContaining("needs a lower or an upper bound");
        assertThatThrownBy(() -> ExecutionFilter.newBuilder().setSearchAttributeRange(AMOUNT, 9L, 1L))
                .hasMessageContaining("is empty: from 9 is after to 1");
    }

    @Test
    void workflowOptionsRejectNullMemoValues() {
        Map<String, Object> memo = new java.util.HashMap<>();
        memo.put("note", null);

        assertThatThrownBy(() -> WorkflowOptions.newBuilder().setMemo(memo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memo keys and values must not be null");
    }
}
