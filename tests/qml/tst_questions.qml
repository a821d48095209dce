import QtQuick
import QtTest
import Triad.Ui

// Each response format's delegate: what it shows, and what a tap asks the model to keep.
TestCase {
    id: testCase
    name: "QuestionDelegates"
    when: windowShown
    width: 1000
    height: 700
    visible: true // children of an invisible TestCase get no clicks (qt64-notes.md, gotcha 2)

    readonly property var threeFaces: [
        { value: 1, label: "No", readAloud: "No." },
        { value: 2, label: "A bit", readAloud: "A bit." },
        { value: 3, label: "Yes!", readAloud: "Yes!" }
    ]
    readonly property var fivePoints: [1, 2, 3, 4, 5].map(v => ({ value: v, label: "Point " + v, readAloud: "" }))

    Component { id: facesComponent; QuestionFaces { width: 900; height: 300 } }
    Component { id: likertComponent; QuestionLikert { width: 900; height: 200 } }
    Component { id: sliderComponent; QuestionSlider { width: 900; height: 200 } }
    Component { id: yesNoComponent; QuestionYesNo { width: 900; height: 200 } }
    Component { id: textComponent; QuestionText { width: 900; height: 300 } }
    Component { id: viewComponent; QuestionView { width: 900; height: 300 } }
    Component { id: spyComponent; SignalSpy { signalName: "answerRequested" } }

    function findByName(item, name) {
        if (item.Accessible && item.Accessible.name === name && item.visible)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found)
                return found
        }
        return null
    }

    function findByObjectName(item, name) {
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByObjectName(item.children[i], name)
            if (found)
                return found
        }
        return null
    }

    function spyOn(item) {
        return createTemporaryObject(spyComponent, testCase, { target: item })
    }

    function test_faces_show_each_word_and_tap_requests_its_value() {
        const q = createTemporaryObject(facesComponent, testCase, { choices: threeFaces })
        const spy = spyOn(q)
        waitForRendering(q)
        for (const choice of threeFaces)
            verify(findByName(q, choice.label) !== null, choice.label)
        const happy = findByName(q, "Yes!")
        verify(happy.width >= 48 && happy.height >= 48, "target at least 48 px")
        mouseClick(happy)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], 3)
    }

    function test_faces_mark_the_chosen_one() {
        const q = createTemporaryObject(facesComponent, testCase, { choices: threeFaces, answer: 2 })
        waitForRendering(q)
        verify(findByName(q, "A bit").chosen)
        verify(!findByName(q, "No").chosen)
    }

    function test_likert_tap_requests_the_point() {
        const q = createTemporaryObject(likertComponent, testCase, { choices: fivePoints })
        const spy = spyOn(q)
        waitForRendering(q)
        const p4 = findByName(q, "Point 4")
        verify(p4 !== null)
        verify(p4.height >= 48)
        mouseClick(p4)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], 4)
    }

    function test_slider_starts_without_a_value() {
        const q = createTemporaryObject(sliderComponent, testCase, {
            lowAnchor: "Not at all", highAnchor: "Completely", prompt: "Statement 1" })
        waitForRendering(q)
        const area = findByName(q, "Statement 1")
        verify(area !== null)
        compare(area.Accessible.description, "Not answered yet")
        // No handle is drawn until the first touch.
        const handle = findByObjectName(q, "sliderHandle")
        verify(handle !== null)
        verify(!handle.visible)
    }

    function test_slider_touch_requests_the_position() {
        const q = createTemporaryObject(sliderComponent, testCase, { prompt: "Statement 1" })
        const spy = spyOn(q)
        waitForRendering(q)
        const area = findByName(q, "Statement 1")
        mouseClick(area, area.width - 1, area.height / 2)
        compare(spy.signalArguments[0][0], 100)
        mouseClick(area, 1, area.height / 2)
        compare(spy.signalArguments[1][0], 0)
        mouseClick(area, area.width / 2, area.height / 2)
        verify(Math.abs(spy.signalArguments[2][0] - 50) <= 1)
    }

    function test_slider_with_a_value_shows_it_in_words() {
        const q = createTemporaryObject(sliderComponent, testCase, { prompt: "Statement 1", answer: 73, answered: true })
        waitForRendering(q)
        compare(findByName(q, "Statement 1").Accessible.description, "73 of 100")
        verify(findByObjectName(q, "sliderHandle").visible)
    }

    function test_yes_no_requests_true_or_false() {
        const q = createTemporaryObject(yesNoComponent, testCase, {
            choices: [{ value: 1, label: "Yes", readAloud: "" }, { value: 0, label: "No", readAloud: "" }] })
        const spy = spyOn(q)
        waitForRendering(q)
        mouseClick(findByName(q, "No"))
        compare(spy.signalArguments[0][0], false)
        mouseClick(findByName(q, "Yes"))
        compare(spy.signalArguments[1][0], true)
    }

    function test_free_text_requests_the_words_and_respects_the_limit() {
        const q = createTemporaryObject(textComponent, testCase, { prompt: "Anything else?", maxLength: 10 })
        const spy = spyOn(q)
        waitForRendering(q)
        const area = findByName(q, "Anything else?")
        verify(area !== null)
        area.forceActiveFocus()
        keyClick(Qt.Key_H)
        keyClick(Qt.Key_I)
        // Saved once after the pause in typing, not once per key.
        tryCompare(spy, "count", 1)
        compare(spy.signalArguments[0][0], "hi")
        keyClick(Qt.Key_A)
        area.focus = false // tapping elsewhere saves at once
        compare(spy.count, 2)
        compare(spy.signalArguments[1][0], "hia")
        area.text = "0123456789ABC"
        compare(area.text, "0123456789")
    }

    function test_view_picks_the_delegate_for_the_kind_and_falls_back() {
        const v = createTemporaryObject(viewComponent, testCase, { kind: "faces", choices: threeFaces })
        waitForRendering(v)
        verify(findByName(v, "Yes!") !== null)
        const unknown = createTemporaryObject(viewComponent, testCase, { kind: "hologram" })
        waitForRendering(unknown)
        let texts = []
        const collect = item => {
            if (typeof item.text === "string")
                texts.push(item.text)
            for (let i = 0; i < item.children.length; ++i)
                collect(item.children[i])
        }
        collect(unknown)
        verify(texts.some(t => t.indexOf("hologram") >= 0), texts.join("|"))
    }
}
