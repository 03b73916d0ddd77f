package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.common.DataConverter;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A data converter set on the client's options, with a Jackson module of the application's own, converts
 * the payloads of the client and of the workers created from it; the environment replays the histories with
 * it after each test.
 */
class CustomDataConverterTest {

    /** An amount of money in a currency, which Jackson cannot convert on its own: no properties, no creator. */
    public static final class Money {
        private final BigDecimal amount;
        private final String currency;

        Money(BigDecimal amount, String currency) {
            this.amount = amount;
            this.currency = currency;
        }

        static Money parse(String text) {
            String[] parts = text.split(" ");
            return new Money(new BigDecimal(parts[0]), parts[1]);
        }

        Money plus(Money other) {
            return new Money(amount.add(other.amount), currency);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Money && ((Money) other).amount.equals(amount)
                    && ((Money) other).currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(amount, currency);
        }

        @Override
        public String toString() {
            return amount.toPlainString() + " " + currency;
        }
    }

    /** Writes {@link Money} as {@code "12.50 EUR"}. */
    static final class MoneyModule extends SimpleModule {
        private static final long serialVersionUID = 1L;

        MoneyModule() {
            addSerializer(Money.class, new JsonSerializer<>() {
                @Override
                public void serialize(Money value, JsonGenerator generator, SerializerProvider provider)
                        throws IOException {
                    generator.writeString(value.toString());
                }
            });
            addDeserializer(Money.class, new JsonDeserializer<>() {
                @Override
                public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    return Money.parse(parser.getValueAsString());
                }
            });
        }
    }

    @WorkflowInterface
    public interface Till {
        @WorkflowMethod
        Money total(List<Money> prices);
    }

    @ActivityInterface
    public interface Fees {
        Money fee(Money price);
    }

    public static class TillImpl implements Till {
        private final Fees fees = Workflow.newActivityStub(Fees.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public Money total(List<Money> prices) {
            Money total = new Money(new BigDecimal("0.00"), "EUR");
            for (Money price : prices) {
                total = total.plus(price).plus(fees.fee(price));
            }
            return total;
        }
    }

    static final class FeesImpl implements Fees {
        @Override
        public Money fee(Money price) {
            return new Money(new BigDecimal("0.25"), price.currency);
        }
    }

    static final DataConverter MONEY = DataConverter.newInstance(
            DataConverter.newObjectMapperBuilder().addModule(new MoneyModule()).build());

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(MONEY).build())
            .registerWorkflowImplementationTypes(TillImpl.class)
            .registerActivitiesImplementations(new FeesImpl())
            .build();

    @Test
    void clientAndWorkersConvertPayloadsWithTheClientsConverter() {
        Till till = env.newWorkflowStub(Till.class, "till-1");

        Money total = till.total(List.of(Money.parse("12.50 EUR"), Money.parse("7.25 EUR")));

        assertThat(total).isEqualTo(Money.parse("20.25 EUR"));
    }

    @Test
    void historiesHoldWhatTheConverterWrites() {
        Till till = env.newWorkflowStub(Till.class, "till-2");

        till.total(List.of(Money.parse("12.50 EUR")));

        assertThat(Events.single(env.history("till-2"), WorkflowExecutionStartedAttributes.class).input().toJson())
                .isEqualTo("[[\"12.50 EUR\"]]");
        assertThat(Events.single(env.history("till-2"), ActivityTaskCompletedAttributes.class).result().toJson())
                .isEqualTo("\"0.25 EUR\"");
    }
}
