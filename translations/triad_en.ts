<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Alliance</name>
    <message>
        <source>Talked about goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapted the exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explained the plan and timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Involved the parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &quot;%1&quot;, %2&apos;s score returned to the usual level (session %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &quot;%1&quot;, the parent&apos;s score returned to the usual level (session %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &quot;%1&quot;, your own score for %2 returned to the usual level (session %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &quot;%1&quot;, %2&apos;s score has not returned to the usual level: consider another approach or talking it through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &quot;%1&quot;, the parent&apos;s score has not returned to the usual level: consider another approach with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &quot;%1&quot;, your own score for %2 has not returned to the usual level: consider another approach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too early to tell whether &quot;%1&quot; helped %2: the next sessions&apos; answers will show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too early to tell whether &quot;%1&quot; helped with the parent: the next sessions&apos; answers will show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too early to tell whether &quot;%1&quot; helped your work with %2: the next sessions&apos; answers will show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs %1 earlier sessions where both answered (has %2) and the clinic has no usual gap for this dyad and age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alpha needs at least 2 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alpha needs at least 3 complete responses (%1 so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alpha is undefined: every complete response has the same total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s score is much lower than usual today: ask %1 what felt different, and listen before planning the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent&apos;s score is much lower than usual today: ask them what did not work for them and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own score for today with %1 is much lower than usual: note what made it hard and talk it through with %1 and the parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s score is a little lower than usual today: check in briefly about how physio feels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent&apos;s score is a little lower than usual today: check in briefly with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own score for today with %1 is a little lower than usual: keep an eye on it next session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s score dropped clearly since last time: ask %1 what felt different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent&apos;s score dropped clearly since last time: ask them what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own score for %1 dropped clearly since last time: note what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s score is below the form&apos;s cut-off: talk together about goals and how the sessions are going.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent&apos;s score is below the form&apos;s cut-off: talk with them about goals and the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own score for %1 is below the form&apos;s cut-off: consider what would help the work together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s scores have gone down over the last %2 sessions: review goals and exercises together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent&apos;s scores have gone down over the last %2 sessions: review the plan and timeline with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own scores for %1 have gone down over the last %2 sessions: review goals and exercises together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s score dropped since last time while yours and the parent&apos;s stayed high: ask %1 what felt different, in a way %1 can answer freely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gave the same answer to every question: the score may not show how %1 really feels; a short chat can tell you more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent gave the same answer to every question: the score may not show what they really think.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You gave the same answer to every question for %1: check that the score says what you mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gave the highest answer to every question. That can be genuine, or %1 may find it hard to say anything negative: leave room for concerns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent gave the highest answer to every question. That can be genuine, or they may find it hard to say anything negative: leave room for concerns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You gave the highest answer to every question for %1: check that there is nothing you would change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered very quickly (%2 seconds per question): the answers may not reflect what %1 thinks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent answered very quickly (%2 seconds per question): the answers may not reflect what they think.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers for %1 were very quick (%2 seconds per question): check that they say what you mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You and %1 see the sessions more differently than usual today: compare your views on goals and exercises with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You and the parent see the sessions more differently than usual today: compare your views on goals and the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and the parent see the sessions more differently than usual today: give each a chance to say how it is going.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough of the clinic&apos;s own data yet (%1 of %2 responses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clinic&apos;s own data give no usable reliability estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the form declares no reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the form declares no standard deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs at least %1 earlier sessions with a score (has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no earlier session to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the form declares no cut-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs %1 sessions with a score (has %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormRunner</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstrumentLibrary</name>
    <message>
        <source>no questionnaires folder found (looked in %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstrumentLoader</name>
    <message>
        <source>the file is %1 KiB; a questionnaire file may be at most %2 KiB (1 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder, not a questionnaire file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top level must be an object ({...}), not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of %2, which is loaded instead; each questionnaire id must be unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none are defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;%1&quot; (the only format this version of Triad reads), not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid questionnaire id: use lowercase letters, digits and single hyphens, e.g. &quot;triad-child-8to12&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must equal the file name without &quot;.json&quot; (&quot;%2&quot;), so each questionnaire is found under its own name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a version like &quot;1.0.0&quot; (MAJOR.MINOR.PATCH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the respondents (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only child forms have an age band; remove it from this %1 form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required for a child form: the ages it is for, e.g. {&quot;minYears&quot;: 4, &quot;maxYears&quot;: 7}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minYears (%1) is more than maxYears (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must list at least one language, e.g. [&quot;en&quot;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language code like &quot;en&quot;, &quot;nl&quot; or &quot;pt-BR&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be more than 0 (on the 0-100 scale), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be more than 0 and at most 1 (e.g. 0.85), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 0 and 100 (the 0-100 scale), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of %2; subscale ids must be unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must list at least one item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of %2; item ids must be unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the response formats (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a free-text answer has no score, so it cannot count towards subscale &quot;%1&quot;; remove &quot;subscale&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the subscales (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the constructs (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the facets (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only scored items (with a subscale) can be reverse-scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the scoring methods (sum, mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scored item belongs to subscale &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1, but subscale &quot;%2&quot; has %3 scored items; it must be less than %3 so that at least one answer counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no item is scored: at least one item needs a subscale and a response format that is not free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1, but there are %2 scored items; it must be less than %2 so that at least one answer counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object ({...}), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the string &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required but missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid id: use up to 64 letters, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;, starting with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1 or more, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1 or less, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array ([...])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object ({...})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;; did you mean &quot;%2&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (known keys here: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the languages (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no &quot;%1&quot; text; every text needs each of the languages (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must contain the text in at least one language, e.g. {&quot;en&quot;: &quot;...&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown placeholder &quot;%1&quot;; only {physio} and {child} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a &quot;{&quot; or &quot;}&quot; that is not part of a placeholder; only {physio} and {child} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must list at least one response format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of %2; format ids must be unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the kinds (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a slider must start with no value, so nobody is nudged towards an answer; remove &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not belong to a %2 format (its keys are: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a likert format needs 2 to 11 choices, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a faces format needs exactly 3 or 5 choices (faces), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a yesno format needs exactly 2 choices (yes = 1, no = 0), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 (yes) or 0 (no), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both choices have the value %1; one must be 1 (yes) and the other 0 (no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1, not %2: choice values go 1, 2, 3... in order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Triad</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewScreen</name>
    <message>
        <source>Questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physiotherapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview only: answers given here are scored on screen and not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some questionnaire files could not be loaded:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDots</name>
    <message>
        <source>Question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionSlider</name>
    <message>
        <source>Slider from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch the line where your answer is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionText</name>
    <message>
        <source>Your words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write here if you like. You can also leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <source>This question cannot be shown on this version of Triad (format &quot;%1&quot;). Please skip it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadAloudButton</name>
    <message>
        <source>Stop reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Check your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap a question to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreView</name>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / 100 (raw %2 of %3–%4%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, prorated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scorable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alliance constructs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValidateCommand</name>
    <message>
        <source>Usage: triad-cli validate [--json] FILE|FOLDER...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>triad-cli validate: no questionnaire files (*.json) found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok: %1 (%2 %3, %4 items)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad</name>
    <message>
        <source>no scored items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 answers missing; at most %3 may be missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::Answers</name>
    <message>
        <source>&quot;%1&quot; is not an item of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item&apos;s response format is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside 1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true (yes) or false (no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instrument: the answers are for &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::app::InstrumentCatalog</name>
    <message>
        <source>%1–%2 years</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::app::QuestionnaireModel</name>
    <message>
        <source>the physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no question %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::app::ReadAloud</name>
    <message>
        <source>Reading aloud is switched off on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speech engine is installed, so questions cannot be read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud stopped working: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voice is installed, so questions cannot be read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::crypto</name>
    <message>
        <source>entry %1 is out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 was changed (its number now reads %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an extra copy of entry %1 was inserted after entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry that does not belong to the log was inserted before entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries %1 to %2 were deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all entries are missing (the chain head says %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries after %1 are missing (the chain head says %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain head file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain head does not match entry %1; the log was replaced or the head belongs to another database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain head is %n entries behind the log (the app probably stopped before updating it); the entries after it are intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit key is not available; sign in to verify the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit key is not available; the chain head was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head to write is not valid (entry %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the chain head file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot flush the chain head file %1 to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace the chain head file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head file %1 was written but its folder could not be flushed to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head file %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head file %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit key is not available; the chain head cannot be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head file %1 was altered or belongs to another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot has no &quot;%1&quot; text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot&apos;s &quot;%1&quot; is not %2 bytes of base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot&apos;s &quot;%1&quot; must be a whole number from 1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::crypto::KeySlot</name>
    <message>
        <source>The key slot has version %1; this app reads version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot names an unknown key derivation &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot&apos;s &quot;n&quot; must be a power of two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot is not a JSON object (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is too short: it has %1 characters and needs at least %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::crypto::Vault</name>
    <message>
        <source>The PIN may contain only the digits 0 to 9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN must have %1 to %2 digits; this one has %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your passphrase before setting a PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN could not be stored; use your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
