package dev.hourglass.replay.internal;

import dev.hourglass.replay.ReplayResult;
import dev.hourglass.replay.ReplayResult.Status;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a gate's results as JUnit XML, the format CI servers read test results in: one {@code testcase} per
 * history, with a {@code failure} if it is incompatible and an {@code error} if it could not be checked.
 *
 * <p>The document is well-formed whatever the messages hold: characters XML 1.0 cannot carry (control characters,
 * lone surrogates) are written as {@code \}{@code uXXXX} text, and the writer escapes markup.
 */
public final class ReportXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private ReportXml() {
    }

    public static String report(List<ReplayResult> results, boolean withDurations) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "hourglass-replay-gate");
            xml.writeAttribute("tests", Integer.toString(results.size()));
            xml.writeAttribute("failures", Long.toString(count(results, Status.INCOMPATIBLE)));
            xml.writeAttribute("errors", Long.toString(count(results, Status.ERROR)));
            xml.writeAttribute("skipped", "0");
            if (withDurations) {
                xml.writeAttribute("time", seconds(results.stream().mapToLong(r -> r.getDuration().toNanos()).sum()));
            }
            for (ReplayResult result : results) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", clean(result.getWorkflowType() != null ? result.getWorkflowType()
                        : "unreadable"));
                xml.writeAttribute("name", clean(result.getSource()));
                if (withDurations) {
                    xml.writeAttribute("time", seconds(result.getDuration().toNanos()));
                }
                if (result.getStatus() != Status.COMPATIBLE) {
                    Throwable failure = result.getFailure().orElseThrow();
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement(result.getStatus() == Status.INCOMPATIBLE ? "failure" : "error");
                    xml.writeAttribute("type", failure.getClass().getName());
                    xml.writeAttribute("message", clean(message(result)));
                    xml.writeCharacters(clean(ReportText.describe(result)));
                    xml.writeEndElement();
                    xml.writeCharacters("\n  ");
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the replay report as XML: " + e, e);
        }
        return out.toString();
    }

    /** The one-line message of a failure or error. */
    private static String message(ReplayResult result) {
        if (result.getStatus() == Status.ERROR) {
            return ReportText.cause(result);
        }
        String message = result.getFailure().map(Throwable::getMessage).orElse("");
        return ReportText.oneLine(message == null ? "" : message.lines().findFirst().orElse(""));
    }

    /**
     * The text with every character XML 1.0 does not allow written as {@code \}{@code uXXXX}: control characters
     * other than tab, newline and carriage return, lone surrogates, and U+FFFE and U+FFFF.
     */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800 || c > 0xDFFF && c < 0xFFFE;
            if (allowed) {
                if (out != null) {
                    out.append(c);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static long count(List<ReplayResult> results, Status status) {
        return results.stream().filter(result -> result.getStatus() == status).count();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
