<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>What did you do about these %1 cards?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you do about it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what you did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save what you did</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertCard</name>
    <message>
        <source>Act today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep an eye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child and you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent and you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child and parent</source>
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
        <source>Physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved: the score came back at a later session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I did something about this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I did something about the alert of session %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Not relevant / false alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (usually about %3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (last time %3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, usually about %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent: %2, usually about %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own score: %2, usually about %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, down from %3 last time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent: %2, down from %3 last time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own score: %2, down from %3 last time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: down over the last %2 sessions, from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent: down over the last %2 sessions, from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own score: down over the last %2 sessions, from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, below the form&apos;s cut-off of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent: %2, below the form&apos;s cut-off of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own score: %2, below the form&apos;s cut-off of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, you %3: a difference of %4 points where it is usually about %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent %2, you %3: a difference of %4 points where it is usually about %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, the parent %3: a difference of %4 points where it is usually about %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs %1 earlier sessions where both answered (has %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllianceChart</name>
    <message>
        <source>Alliance over the sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
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
        <source>Physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done or resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardDetails</name>
    <message>
        <source>Cards per rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often each rule made a card in the episodes where it could apply, and how many of its cards were marked &quot;not relevant / false alarm&quot;: the clinic&apos;s own measure of how often a rule is right. A share is shown from %1 cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episodes with a card, of those where it could apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards marked &quot;not relevant / false alarm&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few to compare (%1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cards yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 1 card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% (%2 of %3 cards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No questionnaires match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alliance by month (mean, 0–100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A month with fewer than %1 completed answers from a respondent has no point for them: too few to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ceiling rate per questionnaire (answers at the top score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few to compare (n = %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% at the top (n = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item figures per questionnaire (whole clinic, all dates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the item figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out clinic figures… the item figures appear here in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No completed questionnaires yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not computable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2 (n = %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cronbach&apos;s alpha: total %1, core %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none on this form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test-retest (%1): not yet, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test-retest (%1): r = %2 over %3 session pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item runs against its form (every item-total correlation is 0.2 or more, or has no spread yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items below 0.2 item-total correlation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; (r = %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardFilters</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All physios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physio filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All ages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age band filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All respondents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Clinic dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the clinic&apos;s questionnaires…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed questionnaires: %1. Groups with fewer than %2 completed answers show &quot;Too few to compare&quot; instead of figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: child %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: parent %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: physio %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rupture %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differ %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: too few to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: of those asked (skips included), the share who finished. Mean: alliance total, 0–100. Rupture: share of the episodes where the rule could apply (one person with 4 sessions) that had a &quot;much lower than usual&quot; card. Differ: share of the episodes where raters could be compared (two of them in 3 sessions) that had a card for raters drifting apart or the child falling while the adults stay high. Both shown from %1 such episodes. Repair: share of ruptures repaired. &quot;—&quot;: too few answers or episodes, or nothing to count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open act-today cards (whole clinic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your open act-today cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards nobody has handled yet and the score has not come back since; days counted from the card&apos;s session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open act-today cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the open cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out clinic figures… the open cards appear here in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3, session %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, session %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>January</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>February</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>April</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>July</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>August</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>September</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>October</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>Demo clinic — synthetic data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EpisodeController</name>
    <message>
        <source>ACL injury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low back pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hypermobility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoliosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cerebral palsy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juvenile arthritis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EpisodeEditDialog</name>
    <message>
        <source>Condition and goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals, in the family&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EpisodeScreen</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: condition and goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s round for this episode is already recorded. Record another, separate session today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record another session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this episode of care? Its sessions stay in the record; no new round can start in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Goals: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit condition and goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
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
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire changed during this episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-of-session round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This episode is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportScreen</name>
    <message>
        <source>Export and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to export into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the FHIR Questionnaire to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR Questionnaires (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this questionnaire to the clinic?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Version %2 (form id %3)
%4 questions, answered by %5
Languages: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is offered for new rounds at once, and the audit log records who added which version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the FHIR bundle to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR bundles (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export with names and birth dates? Anyone with the files can identify the children. The export is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export identified data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a clinic lead or admin may export the clinic&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include names and birth dates (identified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identified: patients&apos; names and birth dates are written. You will be asked to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonymised: patients appear by their code and age in years; no names, no birth dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research data (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new folder with one row per response (every score and answer), one row per answer, a codebook, an R script and SPSS syntax.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include free-text answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export research data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode report (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient code or episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. TRD-7K4M-Q2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient code reports on that patient&apos;s most recent episode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR R4 bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole clinic as one FHIR R4 file in the export folder: patients by their code (never names or birth dates), episodes, sessions, every response with its scores, and the alerts with the actions taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection: a file to keep or send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction: for a FHIR server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include free-text answers in the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-text answers are written. They may name people (a parent, a teacher, a physio): keep the file as you would the clinical record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-text answers are left out: they may name people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export FHIR bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a FHIR bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses from a FHIR bundle exported by another Triad tablet are added to this clinic: patients by their code, their episodes and sessions, and scores and cards worked out as if answered here. Importing the same file again changes nothing; a bundle with any problem is not imported at all, and a cancelled import adds nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>triad-fhir-….json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a questionnaire (FHIR R4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A FHIR R4 Questionnaire, for example a licensed instrument built in a form builder, becomes one of this clinic&apos;s questionnaires, scored from its answers&apos; ordinal values. Anything Triad cannot honour is listed with its place in the file and nothing is added; otherwise you see what will be added and confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questionnaire.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who answers it, if the file does not say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who answers it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the file says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The physiotherapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What its questions measure, if the file does not say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What its questions measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement on goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement on tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose questionnaire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstPinDialog</name>
    <message>
        <source>Choose your PIN first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While the family answers, the tablet is locked to their questions. Your PIN (4 to 8 digits) takes it back. Type it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN (digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set PIN and start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Triad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up your clinic. The passphrase protects every record on this tablet: without it nobody can read them, not even you, so keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (first administrator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just looking?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo clinic has made-up patients and sessions; nothing in it is about a real person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore with a demo clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the demo clinic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo clinic progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacing a lost or broken tablet?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the clinic back from its latest backup file, e.g. on a USB stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormChange</name>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: new baseline from session %2 (form version %3); the earlier scores (version %4) are not compared with it.</source>
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
        <source>Leave this question without an answer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some questions have no answer. Hand in the answers anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A grown-up reads each question aloud to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶  Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Got it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardianList</name>
    <message>
        <source>Parents or carers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of parent or carer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation of parent or carer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove parent or carer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a parent or carer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverScreen</name>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give the tablet to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: press and hold here to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press and hold to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on with my questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶  Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start my questions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstrumentLibrary</name>
    <message>
        <source>no questionnaires folder found (looked in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is &quot;%1&quot;, but the file is in the archive folder of version %2; it is not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is already loaded; this archived copy is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already a form of this tablet (version %2 in %3); the clinic&apos;s copy is not loaded</source>
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
    <message>
        <source>&quot;%1&quot; is a core facet: mark this item &quot;core&quot;: true, or give it another facet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a core item needs a core &quot;facet&quot; (%1), so the same question can be found on every form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a core facet; a core item needs one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core facet &quot;%1&quot; belongs to construct &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a core item must be scored: give it a subscale and a response format that is not free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a core item cannot be reverse-keyed: one misreading would move the score every dyad is compared on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a practice item is never scored, so it cannot be a core item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core facet &quot;%1&quot; is already on %2; each core facet is asked once per form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a practice item is never scored; remove &quot;subscale&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a practice item teaches how to answer, so it needs a format with choices or a slider, not free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no item is scored towards the total: at least one item needs a subscale that counts in the total and a response format that is not free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &quot;not yet / doesn&apos;t apply&quot; answer has no value of its own (it is stored as %1 and scored as missing); remove &quot;value&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemNorms</name>
    <message>
        <source>%1 of %2 session pairs at most %3 days apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no spread in the paired scores</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageScreen</name>
    <message>
        <source>Which language would you like?</source>
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
    <name>MonthlyChart</name>
    <message>
        <source>Alliance by month</source>
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
        <source>Physio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientEditorScreen</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: patient %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer on the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an episode of care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals, in the family&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. “Play football with my friends again”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the episode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientFormScreen</name>
    <message>
        <source>Would you rather not answer today? That is fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, not today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;d rather not answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientsScreen</name>
    <message>
        <source>My patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by code or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patients yet. Tap “New patient” to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out clinic figures… cards to check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention today: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the patient list…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinLockScreen</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Enter your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits entered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digit %1</source>
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
    <name>RestoreScreen</name>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the clinic onto this tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a tablet that replaces a lost or broken one. Choose the clinic&apos;s latest backup file, then type your name and passphrase as they were when the backup was made. Nothing is created until the whole backup has been checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup files found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup file (.triadbak) found in %1. Plug in the USB stick and look again, or type the file&apos;s full path below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring: opening the backup with your passphrase and checking every record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the clinic</source>
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
    <message>
        <source>✓  I&apos;m done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoundPlan</name>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too distressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No form for this age</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoundPlanScreen</name>
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
        <source>To do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-of-session round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the child&apos;s form today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the parent&apos;s form today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip your own form today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this round? Forms already finished are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This continues today&apos;s session: the answers given earlier today are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the PIN notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started, answers kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the child&apos;s form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the parent&apos;s form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip my form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody left to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start my form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the tablet to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on with the round</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoundSummary</name>
    <message>
        <source>%1 answered &quot;yes&quot;: there is something %1 wants to tell you. Ask about it, in private if needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleNotes</name>
    <message>
        <source>the child and the physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parent and the physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child and the parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual-level rule not applied yet for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliable-change rule not applied yet for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut-off rule not applied for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rater-gap rule not applied yet for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend rule not applied yet for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule not applied for %1: %2.</source>
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
    <name>SessionHistory</name>
    <message>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not handed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions yet. The first round starts from the button below the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out clinic figures… the alert cards of this episode appear here in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle all %1 open cards at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle all open cards at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child %1 · Parent %2 · Physio %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No form was handed in at this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionSummaryScreen</name>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 since last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 since last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same as last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to talk about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out clinic figures… the alert cards of this session appear here in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text size %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high contrast on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high contrast off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read questions aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions not read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child forms: a tapped answer moves on by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child forms move on by themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child forms wait for Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent and physio forms: a tapped answer moves on by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent and physio forms move on by themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent and physio forms wait for Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle minutes before locking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locks after %1 idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not every word of the app is translated into this language yet: those show in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your PIN for quick unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PIN for quick unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN (digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clinic lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physiotherapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the demo clinic: its staff are made up. Tap one of them; their demo passphrase fills in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
passphrase: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your name to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the records…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffArea</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A round was interrupted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the unfinished round</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffExit</name>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff PIN to leave the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the questions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please hand the tablet back to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, your PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffUnlock</name>
    <message>
        <source>Tap your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN is switched off. A staff member unlocks the tablet with their passphrase; the answers are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PIN is set: a staff member unlocks the tablet with their passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock with passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>Found: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdatingScreen</name>
    <message>
        <source>Updating the clinic&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 2 of 2: bringing the records up to this version of Triad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 1 of 2: keeping a copy of the records as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This happens once after Triad is updated and can take a minute on a large clinic. Please leave the tablet on and Triad open. If it is interrupted, nothing is lost: Triad starts the update again next time.</source>
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
        <source>ok: %1 (%2 %3, %4 items, %5 core)</source>
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
    <message>
        <source>the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
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
        <source>Shared questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliable change judged with the clinic&apos;s session-to-session (test-retest) reliability, r = %1 over %2 session pairs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliable change judged with the form&apos;s declared reliability, r = %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliable change judged with the clinic&apos;s Cronbach&apos;s alpha (%1): too few session pairs yet for a test-retest figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is too large (%1 bytes; at most %2 are read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an ordinary file (a pipe, device or socket); only ordinary files are read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this form has no core items</source>
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
    <name>triad::Scanner</name>
    <message>
        <source>the key &quot;%1&quot; appears twice in this object; keep one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string holds a raw control character (byte 0x%1); remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string holds a NUL character (\u0000); remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string holds a lone surrogate (\u%1), which is not text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::app</name>
    <message>
        <source>Staff accounts: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients and their sessions: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts from the sessions: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s birth date is after the session date; no child form can be chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 on the session date; no child form fits that age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No parent form is installed on this tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No physiotherapist form is installed on this tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::app::ClinicSession</name>
    <message>
        <source>Please wait: the previous step is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo clinic can only be made on a tablet without a clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tablet already has a clinic; a backup is restored onto a tablet without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file: please choose the clinic&apos;s backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file: %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file: %1 is a folder; choose the backup file inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file: %1 is not a regular file (a device or a pipe); choose the backup file itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name: please enter your name as it was in the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase: please type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic &quot;%1&quot; was restored from %2. Sign in to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without use. Your PIN opens it again.</source>
        <translation>
            <numerusform>Locked after %n minute without use. Your PIN opens it again.</numerusform>
            <numerusform>Locked after %n minutes without use. Your PIN opens it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed out after %n minute(s) without use (no PIN is set).</source>
        <translation>
            <numerusform>Signed out after %n minute without use (no PIN is set).</numerusform>
            <numerusform>Signed out after %n minutes without use (no PIN is set).</numerusform>
        </translation>
    </message>
    <message>
        <source>The clinic database cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tablet already has a clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name: please enter the clinic&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name: please enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat passphrase: the two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This staff member cannot sign in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase: this is not the passphrase of this staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clinic figures could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN: the two PINs are not the same; please type it twice again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN: %1 is the first PIN anyone would try (the same digit, or digits in a row); please choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen is not locked with a PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN: wrong PIN. Attempts left: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs: please sign in again with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PIN is set: please use a staff passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN did not match. One more wrong PIN and a staff passphrase will be needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN did not match. %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. The PIN is switched off; a staff passphrase unlocks the tablet. The answers are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase: please type the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This staff member cannot unlock the tablet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1, while the tablet was with the family, %2 wrong PINs were typed on the staff keypad. The PIN was switched off and %3 unlocked the tablet with a passphrase. No answer was lost. Set a new PIN in Settings before the next round.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::app::DashboardModel</name>
    <message>
        <source>the physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Much lower than usual (act today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child falls, adults stay high (act today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raters drifting apart (keep an eye)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow decline (keep an eye)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the form&apos;s cut-off (keep an eye)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2–%3 years)</source>
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
        <source>Physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role has no dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item figures could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cards could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: &quot;%1&quot; is not a date; write it as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: &quot;%1&quot; is not a date; write it as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: the end date is before the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physio: no staff member with this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition: &quot;%1&quot; is not a condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age band: &quot;%1&quot; is not an age band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent: &quot;%1&quot; is not child, parent or physio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures below are still those of the last filter that worked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::app::EpisodeController</name>
    <message>
        <source>Please sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This episode cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This episode belongs to another physiotherapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition: please choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient: this patient cannot be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition: this patient already has an open episode; close it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode: open an episode first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no open episode to close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action: please choose what you did from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 cards saved; the next could not be: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::app::ExportController</name>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled. Nothing was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 responses (%2 answers) to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> It holds names and birth dates: keep it as you would the clinical record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to save the report in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the patient&apos;s pseudonym code (or open the episode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report for %1 saved as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the FHIR bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR transaction bundle (for a FHIR server) saved as %1: %2 patients, %3 responses, %4 score observations, %5 alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR collection bundle saved as %1: %2 patients, %3 responses, %4 score observations, %5 alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> It holds the free-text answers, which may name people: keep it as you would the clinical record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a clinic lead or admin may import a FHIR bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the FHIR bundle file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1… Every response is scored as on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled. Nothing from %1 was added to this clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped because you were signed out. Nothing from %1 was added to this clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 problem in %1; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problems in %2; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Nothing from %2 was added to this clinic (the import is one transaction).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed: the %1 responses and %2 patients in %3 were already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 responses from %2 (%3 were already here): %4 new patients (%5 found here already), %6 new episodes, %7 new sessions, %8 new cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the physiotherapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was added: %1 was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a clinic lead or admin may import a questionnaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the questionnaire file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tablet has no folder for the clinic&apos;s own questionnaires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready to add: check what it holds and confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a questionnaire file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for the clinic&apos;s own questionnaires, %1; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written but does not load: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (version %2, %3 questions) to this clinic&apos;s questionnaires as %4. It is offered from now on; the audit log records the import.</source>
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
    <name>triad::app::PatientEditor</name>
    <message>
        <source>Mother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Father</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: please enter the child&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date: &quot;%1&quot; is not a date; use year-month-day, e.g. 2018-03-14.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date: %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian %1: please enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian %1: the relation must be mother, father, carer or other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardians: use &quot;Remove&quot; beside a parent or carer to take them off the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent or carer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the parents and carers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from %2&apos;s parents and carers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>those answers stay in the sessions and the chart; %1 is no longer offered for new rounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered one parent form: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered %2 parent forms: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not answered any form, so their name is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardians: there is no parent or carer %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. No child form is installed, so %1 will not answer a form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. %1 is %2 today; the child forms fit ages %3 to %4, so no child form will fit and %1&apos;s own form will be skipped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::app::PatientListModel</name>
    <message>
        <source>No open episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read this episode&apos;s rounds: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session 1 round due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 round unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 round due</source>
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
    <name>triad::app::RoundFlow</name>
    <message>
        <source>Please sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A round is already running; finish or stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN: set your PIN first; it is needed to take the tablet back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This episode is closed; open a new episode for a new round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This episode belongs to another physiotherapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s session cannot be continued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Skip this step with a reason to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting for the tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: press and hold the button with your name to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to go on to from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form cannot start from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: this form has no &quot;%1&quot; version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form &quot;%1&quot; is not installed on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form &quot;%1&quot; version %2, on which this draft was begun, is not installed on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tablet is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearing this answer was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No form is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 still needs an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN: that is not the PIN of the signed-in physiotherapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert cards of this session could not be worked out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert cards of a finished round could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child&apos;s form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parent&apos;s form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s round of %2 was interrupted in %3, at question %4 of %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no interrupted round to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interrupted round cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interrupted round cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave patient mode with your PIN first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps can be skipped from the round&apos;s plan only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent: &quot;%1&quot; is not child, parent or physio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: please choose a reason from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step is already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent: not part of this round.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::cli</name>
    <message>
        <source>this database has no active admin; use --as NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are several admins; say who you are with --as NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active staff members are called &quot;%2&quot;; sign in with --as and a staff id instead: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no active staff member is called &quot;%1&quot; or has that id (--as).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>triad-cli: no terminal to ask for the passphrase; set %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>triad-cli: the two passphrases differ; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the database %1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no clinic yet; run &quot;triad-cli init&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong passphrase for %1; nothing was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clinic&apos;s records were changed outside Triad (%1); nothing was done. Run &quot;triad-cli verify&quot; for the full report, then restore the latest good backup with &quot;triad-cli restore&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: triad-cli %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;; usage: triad-cli %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written and verified: %1 (%2 rows, schema %3, digest %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain head in this backup: entry %1, fingerprint %2 (keep it with the backup; a later verify must not show an older entry).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed must be a whole number and --patients between 1 and 5000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds a clinic; the demo only fills an empty database. Use a new --db PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo clinic was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo clinic created in %1: %2 synthetic patients, %3 sessions, %4 responses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo accounts (demo data only, never for real patients):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased patient %1 and everything recorded about them. Backups made before today still hold them; see docs/SECURITY.md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also overwrote and removed the copies Triad had kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research export written: %1 (%2 responses, %3 answers; %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDENTIFIED: names and birth dates included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pseudonymised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-text answers are included; they may name people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR R4 %1 Bundle written: %2 (%3 entries: %4 patients, %5 episodes, %6 sessions, %7 responses, %8 score observations, %9 alerts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file name (a report never overwrites a file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode report written: %1 (patient %2, %3 sessions, %4 cards; %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDENTIFIED: name and birth date included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; nothing was imported (the import is one transaction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 responses (%2 were already there): %3 new patients, %4 new episodes, %5 new sessions, %6 new cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a clinic lead or an admin may import a questionnaire into the clinic; %1 is a physiotherapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 %2 (%3 items) into %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--clinic NAME and --admin NAME are both needed; usage: triad-cli %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 does not exist (--db); create it first, or check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds the clinic &quot;%2&quot;; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passphrase: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic &quot;%1&quot; set up in %2; admin: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2.x, %3: %4 responses; alpha %5 (core %6); test-retest of %7 %8 (%9 pairs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [core]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No completed responses yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name and --birth-date are both needed; usage: triad-cli %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (--birth-date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say who restores the backup with --as NAME (any active staff member of the clinic can, with their passphrase).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup made %1 into the new database %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current database was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup made %1 into %2; the previous database is kept as %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name NAME is needed; usage: triad-cli %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--role must be physio, lead or admin, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name: a staff member is already called &quot;%1&quot; (id %2); names must differ in more than upper and lower case, so that signing in by name finds one person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not compared with a backup: a log whose newest entries were cut and whose head was deleted as well looks exactly like this. Compare entry %1 with the chain head your newest backup recorded (triad-cli backup prints it), or run this again with --against BACKUP next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous chain head was unusable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log (%1 entries), the database and every row seal verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup made %1 recorded the chain head at entry %2; the log still holds that entry unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain head re-issued by %1 (audit entry &quot;reissue-head&quot;): entry %2, fingerprint %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--against BACKUP goes with --reissue-head; usage: triad-cli %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database integrity: ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database integrity: DAMAGED (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log: ok, %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log: TAMPERED at entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log: TAMPERED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: TAMPERED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: ok, %1 rows sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: not sealed yet (this database was migrated; the next sign-in seals them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain head: entry %1, fingerprint %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain head: missing or not readable with this clinic&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was not changed. Keep a copy of it for investigation and restore the latest good backup (triad-cli restore).</source>
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
    <message>
        <source>the last change (entry %1) was being saved when Triad stopped; it was not saved and the log before it is complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the log goes on past the chain head: the head file says the last entry is %1 but the log ends at entry %2; the head file is an older copy, or entries were added without Triad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head file %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head file %1 is damaged (not a chain head Triad wrote).</source>
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
<context>
    <name>triad::interop</name>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an active admin may back up, restore, verify or erase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup key: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the snapshot %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the staff key slots from the snapshot %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has no active staff member with a passphrase, so a backup could never be opened; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the snapshot %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding %1 is full (%2); the backup was not written. Free some space or choose another disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypting the backup failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1 to the disk: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Triad backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 is cut short (truncated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 was made by a newer Triad (backup format %2); update Triad to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 has a damaged header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 was made with another key (another clinic&apos;s database, or a database set up again since); it cannot be opened with this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header of the backup %1 was changed after it was written (tampered); it will not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 holds a database of schema version %2, newer than this Triad knows (%3); update Triad to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 was changed after it was written (tampered); it will not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 is cut short (truncated); it will not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1 to the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database inside the backup %1 fails its integrity check; it was not restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database inside the backup %1 does not match the row counts and digest recorded when it was made; it was not restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit chain head %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed; restore the latest good backup (triad-cli restore).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program has the database open (%1). Close it and try again; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head is present and matches the audit log; there is nothing to re-issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain head was written with this clinic&apos;s key and does not match the audit log (%1). That is a sign of a cut or replaced log, not of a lost head, so it is not re-issued. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database failed its integrity check (%1). %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored row does not match its seal (%1). %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log does not verify at entry %1 (%2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 does not record a chain head (made by an older Triad); give a newer backup to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 (made %2) recorded the chain head at entry %3, but the audit log ends at entry %4: entries were cut off the log. %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log&apos;s entry %1 is not the one the backup %2 (made %3) recorded as its chain head: the log was replaced. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new chain head could not be read back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a pseudonym code (they look like TRD-7K4M-Q2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient has the code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program has the database open (%1). Close it and try again; nothing was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient was not erased: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s rows were erased, but %1. Close Triad everywhere and run &quot;triad-cli erase-patient %2&quot; again to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database could not be compacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program kept the journal busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal could not be emptied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient was erased from the database, but these copies Triad made still hold them and could not be removed: %1. Remove them by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date &quot;%1&quot; is not written as YYYY-MM-DD (for example 2015-03-27).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date %1 is not a real date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date %1 is more than 25 years ago; Triad is for children and teenagers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::AdminAccess</name>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::ClinicBackup</name>
    <message>
        <source>%1 exists already; choose a new file name for the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not take a snapshot of the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database snapshot failed its integrity check; run &quot;triad-cli verify&quot; before backing up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the backup into place at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup written to %1 did not read back correctly (%2); it was removed. Try another disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program has the database open (%1). Close it and try again; nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program is using the database; close Triad everywhere and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the current database aside: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the restored database into place: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restored database could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already, so this is not a new device; nothing was replaced. To restore into the existing database, sign in to it and restore there (triad-cli restore FILE --db %2), which keeps it aside first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 was made by an older Triad (backup format %2) and holds no staff key slots, so it opens only with the clinic&apos;s existing database: restore it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such staff member in this backup: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff key slots of the backup %1 were changed after it was written (tampered); it will not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 changed while it was being read; it will not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the restored database into place at %1; nothing was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::Verification</name>
    <message>
        <source>the register of row seals was removed (the rows were sealed before, audit entry &quot;seal-rows&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::csv</name>
    <message>
        <source> (counted as missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># Triad research export: codebook

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 (UTC). %2 responses, %3 answers.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Identified export**: holds patient names and birth dates. Keep it as you would the clinical record.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Pseudonymised export**: patients appear by their pseudonym code and age in years at each session; no names, no birth dates.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-text answers are included, in the respondents&apos; words; they may name people.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-text answers are left out.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>## Files

- `responses_wide.csv`: one row per response (complete or declined; a response corrected later is replaced by its correction), with every score and every answer.
- `answers_long.csv`: one row per answer.
- `codebook.csv`: this codebook as a table (one row per column, and per form version for item columns, with the item text in every language).
- `read_wide.R`: `Rscript read_wide.R FOLDER` or `source()` it; builds `wide` with labelled factors.
- `labels.sps`: SPSS (or PSPP) syntax reading the wide file with variable and value labels.

CSV files are UTF-8, comma-separated, with a header row; an empty field is a missing value.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>## Columns of responses_wide.csv

| Variable | Label | Type | Values or rule |
|---|---|---|---|
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
## Columns of answers_long.csv

| Variable | Label | Type |
|---|---|---|
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
## Forms

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent: %1. Languages: %2. Scoring: %3 of the item values; at most %4 answers missing for the total (prorated). Licence: %5.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Subscale `%1` (%2): at most %3 missing%4.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; not counted in the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Values | Scoring |
|---|---|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(left out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>## Scoring rules

- An item&apos;s value is reversed as (lowest + highest - value) when the item is reverse-keyed.
- Scores are on a 0-100 scale: the mean over the answered items of (value - lowest) / (highest - lowest) x 100.
- Missing answers up to the form&apos;s allowance are prorated; more missing: the score is empty (not scorable).
- A &apos;not yet / doesn&apos;t apply&apos; answer (stored as -1) counts as missing.
- The total and goal/task/bond leave out subscales about another relationship (the parent&apos;s or physio&apos;s own alliance with each other).
- The core (and core_goal, core_task, core_bond) is the mean over the shared questions every respondent answers: compare child, parent and physio on it.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::csv::ExportFolder</name>
    <message>
        <source>The folder %1 does not exist; choose an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding %1 is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a folder in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot finish the export in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many exports named %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::csv::ResearchColumns</name>
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
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response id (random, links the long file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient pseudonym code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name (identified export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date (identified export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s age in completed years on the session date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode of care id (random)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition treated in the episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date the episode started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session id (random)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session number within the episode, from 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the session took place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answering parent&apos;s relationship to the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version of the form answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language the form was answered in (BCP-47)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the respondent completed or declined the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the respondent declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response this one corrects (if any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the response was completed (UTC, ISO 8601)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0-100: mean over the answered items of (value - lowest) / (highest - lowest) x 100, after reverse-keying; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total alliance score (0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over every scored item of subscales that count in the total; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared core score (0-100): the questions every respondent answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the form&apos;s core items, at most a third missing; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared core: goal (0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the core goal items, at most half missing; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared core: task (0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the core task items, at most half missing; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared core: bond (0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the core bond items, at most half missing; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement on goals (0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over every goal item counting in the total, at most half missing; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement on tasks (0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over every task item counting in the total, at most half missing; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bond (0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over every bond item counting in the total, at most half missing; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscale %1 (0-100) of the forms (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the subscale&apos;s items, at most the form&apos;s allowed number missing (prorated); </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>practice question, never scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscale %1, construct %2%3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1 (its form is not in this library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response id (the wide file&apos;s row: age, dates, form version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item id in the form (its wide column: see the codebook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored answer (see the item&apos;s value labels in the codebook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the answer means, in English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 when the answer is &apos;not yet / doesn&apos;t apply&apos; (counted as missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-text answer, in the respondent&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::csv::ResearchExport</name>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an active clinic lead or admin may export the clinic&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be recorded in the audit log, so nothing was exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s data could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::fhir</name>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the clinic lead or an admin may export the clinic&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON object (a Questionnaire)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Questionnaire has problems; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; nothing was written (move it away to replace it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 version %2 is already in this clinic&apos;s questionnaires; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this clinic already has %1 in version %2, and this file is version %3: a new version of a form replaces the old one through the questionnaires folder&apos;s archive (see its README); nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a clinic lead or an admin may import a questionnaire into the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read back %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import could not be recorded in the audit log, so nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::fhir::FhirBundleImport</name>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the clinic lead or an admin may import a Bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting the import: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding patient %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from a pseudonymised FHIR Bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding patient %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding a guardian of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding an episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing a response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing an episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the clinic&apos;s figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading an episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::fhir::FhirExport</name>
    <message>
        <source>%1 already exists; choose a new file name (an export never overwrites a file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the clinic&apos;s records failed: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the clinic&apos;s records failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be recorded in the audit log, so it was removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::fhir::Importer</name>
    <message>
        <source>must be an array of extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an extension must be an object with a &quot;url&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the extension %1 needs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modifier extensions change what the element means; Triad cannot honour them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: Triad needs this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a translation needs &quot;lang&quot; (valueCode) and &quot;content&quot; (valueString)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ordinal value must be a valueDecimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a language code such as &quot;en&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;Questionnaire&quot;, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an element of an R4 Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>implicit rules cannot be honoured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: the form needs a name (or an id) to become its Triad id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triad needs a version MAJOR.MINOR.PATCH (&quot;1.0.0&quot;) so scores stay comparable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who answers the form is not said: give --respondent child, parent or physio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated in the imported Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or empty: a form needs questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every question with ordinal values is scored on one scale, &quot;all&quot;, without missing answers allowed; edit the file to add subscales or allow missing answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored as the sum of the ordinal values (Triad also reports every score on a 0-100 scale).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(converted form) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an item must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an element of an R4 Questionnaire item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: every item needs a linkId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers from a value set cannot be scored; list them as answerOption with ordinal values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pre-filled answer nudges the respondent; Triad starts every question empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conditional questions are not supported: every respondent sees every question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeating answers are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only items are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a group needs items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions nested under a question are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot become a Triad item id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the id of an earlier item too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number typed in is not supported; only a slider (item-control &quot;slider&quot;) from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display items are not supported: Triad shows questions only (put instructions in the description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean item has no ordinal values; use a choice with options 1 (yes) and 0 (no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: every item needs a type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; items are not supported (choice, slider, text or string only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>which alliance construct (goal, task, bond, voice) this question measures is not said: give it as item.code or with --construct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: a choice needs its answer options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pre-selected answer nudges the respondent; Triad starts every question empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer option needs valueCoding, valueString or valueInteger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ordinal value (ordinalValue or itemWeight extension): Triad cannot score this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordinal values must be whole numbers rising by one in the order shown (%1 follows %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ordinal values %2..%3 are stored as 1..%4 (raw scores shift by a constant; the 0-100 scores are unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triad&apos;s sliders go from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the slider has no words at its ends; &quot;0&quot; and &quot;100&quot; are shown until the file is edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response format &quot;%1&quot; differs from an earlier item&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::interop::fhir::Reader</name>
    <message>
        <source>must be &quot;Bundle&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;collection&quot; or &quot;transaction&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: a Bundle needs its entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry needs a resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: other entries refer to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an earlier entry has the same fullUrl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refers to no Patient of the Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refers to no EpisodeOfCare of the Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Encounter of this patient gives the child&apos;s age (Triad&apos;s child-age extension): Triad needs it to choose forms and norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child&apos;s ages at the sessions contradict each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Patient needs its pseudonym code (system %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an episode needs its identifier (a UUID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition category must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session needs its identifier (a UUID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session setting must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child&apos;s age must be a whole number of years, on an Encounter whose subject is a Patient listed before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: an item needs its answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the form has no answer format for this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an answer this item takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a Triad form&apos;s canonical URL with its version (%1&lt;form&gt;|&lt;version&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this clinic has no form %1 version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only completed, amended and stopped (declined) responses can be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a declined response needs its reason, one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the respondent %1 does not answer the form %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refers to no Encounter of the Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or not a date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a question of %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered twice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::report</name>
    <message>
        <source>the episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3, measure %4, at session %5.</source>
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
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physio total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physio core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores are on a 0-100 scale; &quot;core&quot; is the shared questions every respondent answers; &quot;–&quot;: nothing stored for that respondent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alliance cards were raised in this episode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action logged yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action: %1 (%2, by %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file name (a report never overwrites a file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triad alliance report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot draw the report into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alliance report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient: %1 (%2), born %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient: %1 (pseudonymised report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age at the start of the episode: %1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode: %1, from %2 %3 · physiotherapist %4 · sessions: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alliance over the sessions (total score, 0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions and scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alliance cards and actions taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forms used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No form answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 by %2 with Triad.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::report::EpisodeReport</name>
    <message>
        <source>The episode could not be read (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient has the pseudonym code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1 has no episode of care yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No episode has the id %1 (give an episode id or a pseudonym code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(form not in this library)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::report::Pages</name>
    <message>
        <source>Triad alliance report · %1 · generated %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::store</name>
    <message>
        <source>%1: the name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name is %2 characters long; at most %3 are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name is not valid text (invalid UTF-8 at character %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name holds a text direction control character (U+%2 at character %3), which can make it display as another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name holds a control character (U+%2 at character %3: a tab, new line or similar); type the name on one line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::store::AuditLog</name>
    <message>
        <source>Without it, entries cut off after entry %1 could not be noticed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit log cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries are missing from the audit log (%1 entries numbered up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 was changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::store::ClinicLock</name>
    <message>
        <source>another Triad program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (process %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>triad::store::rowseal</name>
    <message>
        <source>table %1, row %2: its seal was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table %1, row %2: column %3 was changed outside Triad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table %1, row %2 was changed outside Triad (its values or its seal no longer match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row key is not available; sign in to verify rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row seals cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table %1, row %2 was added outside Triad (it has no seal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table %1, row %2 was deleted outside Triad (its seal remains)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the register of row seals is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the register of row seals was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the register of row seals does not match the seals (%1 seals, the register says %2): sealed rows were deleted or added together with their seals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
