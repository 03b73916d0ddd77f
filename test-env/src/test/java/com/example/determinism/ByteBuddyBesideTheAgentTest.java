package com.example.determinism;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.agent.DeterminismAgent;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An application's own ByteBuddy keeps working with the agent installed. */
class ByteBuddyBesideTheAgentTest {

    @BeforeEach
    void installTheAgent() {
        DeterminismAgent.install();
    }

    @Test
    void aSubclassMadeWithByteBuddyOverridesAMethodOfARewrittenClass() throws Exception {
        Class<? extends PriceList> fixed = new ByteBuddy().subclass(PriceList.class)
                .method(named("priceOf")).intercept(FixedValue.value(7L))
                .make()
                .load(PriceList.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();

        assertThat(fixed.getDeclaredConstructor().newInstance().priceOf("tea")).isEqualTo(7L);
    }
}
