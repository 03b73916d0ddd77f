package dev.hourglass.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.EventType;
import dev.hourglass.internal.history.EventSchema.Field;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event type has one schema, and it agrees with what {@link EventType} publishes of the format. */
class EventSchemaTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaIsOfItsTypeAndItsRecordIsNamedAfterIt(EventType type) {
        EventSchema<?> schema = EventSchema.of(type);

        assertThat(schema.type()).isEqualTo(type);
        assertThat(schema.recordType().getSimpleName()).isEqualTo(type.name() + "Attributes");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaRequiresExactlyTheAttributesTheEventTypeLists(EventType type) {
        List<String> required = EventSchema.of(type).fields().stream().filter(Field::isRequired).map(Field::name)
                .toList();

        assertThat(required).containsExactlyElementsOf(type.requiredAttributes());
    }
}
