package dev.hourglass.internal.timeline;

/**
 * The style sheet of the HTML timeline. It names no font, image or other resource to fetch, so a page that embeds it
 * stays self-contained; every rule is scoped to the timeline's {@code hg-} classes, except the page's own.
 */
final class TimelineStyles {

    static final String CSS = String.join("\n",
            ".hg-page { font-family: system-ui, sans-serif; margin: 1.5em; color: #1f2328; background: #fff; }",
            ".hg-page h1 { font-size: 1.4em; }",
            ".hg-preamble { font-family: ui-monospace, monospace; white-space: pre-wrap; margin: 0.3em 0; }",
            ".hg-timeline { margin: 1.5em 0 2.5em; font-size: 14px; }",
            ".hg-timeline h2 { font-size: 1.2em; margin: 0 0 0.3em; word-break: break-all; }",
            ".hg-run { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; margin: 0 0 1em; }",
            ".hg-run dt { color: #59636e; }",
            ".hg-run dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }",
            ".hg-chart { border: 1px solid #d1d9e0; border-radius: 6px; padding: 0.4em 0.6em; margin-bottom: 1em; }",
            ".hg-lane { display: grid; grid-template-columns: 12em 1fr; align-items: center; min-height: 1.6em; }",
            ".hg-lane-label { color: #59636e; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;",
            "  padding-right: 0.5em; font-size: 0.85em; }",
            ".hg-track { position: relative; height: 1.5em; margin-right: 1em; }",
            ".hg-axis .hg-track { border-bottom: 1px solid #d1d9e0; }",
            ".hg-tick { position: absolute; bottom: 0.1em; font-size: 0.75em; color: #59636e; white-space: nowrap;",
            "  border-left: 1px solid #d1d9e0; padding-left: 2px; }",
            ".hg-tick-end { transform: translateX(-100%); border-left: none; border-right: 1px solid #d1d9e0;",
            "  padding: 0 2px 0 0; }",
            ".hg-bar { position: absolute; top: 0.2em; bottom: 0.2em; min-width: 3px; border-radius: 3px;",
            "  background: #8ec5ff; box-sizing: border-box; }",
            ".hg-bar-label { position: absolute; left: 0; top: 50%; transform: translateY(-50%); padding: 0 4px;",
            "  white-space: nowrap; font-size: 0.85em; color: #1f2328; }",
            ".hg-late .hg-bar-label { left: auto; right: 100%; }",
            ".hg-timer { background: #e2e6ea; border: 1px dashed #8c959f; }",
            ".hg-child { background: #d8c6ff; }",
            ".hg-local-activity { background: #b9e6d3; }",
            ".hg-completed, .hg-fired { background-color: #aee5b8; }",
            ".hg-failed { background-color: #ffb3b0; }",
            ".hg-timed-out { background-color: #ffd08a; }",
            ".hg-canceled { background-color: #d0d7de; }",
            ".hg-open { background-image: repeating-linear-gradient(45deg, transparent 0 6px,"
                    + " rgba(255, 255, 255, 0.6) 6px 12px); }",
            ".hg-events { list-style: none; padding: 0; margin: 0; font-family: ui-monospace, monospace; }",
            ".hg-event { border-top: 1px solid #eef1f4; }",
            ".hg-event summary { cursor: pointer; padding: 0.15em 0; white-space: nowrap; overflow: hidden;",
            "  text-overflow: ellipsis; }",
            ".hg-event-id { display: inline-block; min-width: 3em; color: #59636e; }",
            ".hg-offset { display: inline-block; min-width: 10em; text-align: right; }",
            ".hg-event time { color: #59636e; margin: 0 0.5em; }",
            ".hg-event-type { font-weight: 600; }",
            ".hg-event-summary { color: #393f46; }",
            ".hg-attributes { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em;",
            "  margin: 0.3em 0 0.6em 3em; }",
            ".hg-attributes dt { color: #59636e; }",
            ".hg-attributes dd { margin: 0; min-width: 0; }",
            ".hg-attributes pre { margin: 0; white-space: pre-wrap; word-break: break-all; }",
            ".hg-failure-link { color: #a40e26; }",
            ".hg-failure-type { font-weight: 600; }",
            ".hg-failure-message { white-space: pre-wrap; }",
            ".hg-stack { color: #59636e; margin: 0 0 0.4em 1.5em !important; font-size: 0.9em; }",
            ".hg-empty { color: #59636e; }",
            "");

    private TimelineStyles() {
    }
}
