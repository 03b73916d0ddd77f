package dev.hourglass.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheCharactersThatEndTextOrAQuotedAttribute() {
        assertThat(Html.escape("\"'><img src=x onerror=alert(1)> & <script>"))
                .isEqualTo("&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;");
    }

    @Test
    void escapesNullAsNothing() {
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void encodesEverythingButUnreservedCharactersAsUtf8Bytes() {
        assertThat(Html.encode("a/b c+d?é<")).isEqualTo("a%2Fb%20c%2Bd%3F%C3%A9%3C");
        assertThat(Html.encode("order-1_x.y~z")).isEqualTo("order-1_x.y~z");
    }

    @Test
    void decodesWhatItEncodes() {
        String id = "<script>/ \"é\" + 100%";

        assertThat(Html.decode(Html.encode(id), false)).isEqualTo(id);
    }

    @Test
    void decodesAPlusAsASpaceOnlyInQueriesAndForms() {
        assertThat(Html.decode("a+b", true)).isEqualTo("a b");
        assertThat(Html.decode("a+b", false)).isEqualTo("a+b");
    }

    @Test
    void refusesAPercentWithoutTwoHexadecimalDigits() {
        assertThatThrownBy(() -> Html.decode("100%", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad percent-encoding in '100%' at 3");
    }

    @Test
    void buildsAQueryOfTheParametersThatHaveAValue() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("status", "RUNNING");
        parameters.put("type", null);
        parameters.put("q", "a&b=c");

        assertThat(Html.withQuery("/", parameters)).isEqualTo("/?status=RUNNING&q=a%26b%3Dc");
        assertThat(Html.withQuery("/", Map.of())).isEqualTo("/");
    }

    @Test
    void namesAWorkflowsPathWithItsIdEncoded() {
        assertThat(Html.workflowPath("a/b?", "/live")).isEqualTo("/workflows/a%2Fb%3F/live");
    }
}
