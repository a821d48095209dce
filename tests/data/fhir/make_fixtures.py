#!/usr/bin/env python3
# Writes the FHIR import fixtures: a synthetic form-builder Questionnaire (our own test wording,
# no published instrument) and malformed variants of it, one defect each. Run from this folder.
import copy
import json

ORD = 'http://hl7.org/fhir/StructureDefinition/ordinalValue'
WEIGHT = 'http://hl7.org/fhir/StructureDefinition/itemWeight'
TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation'
SCALE = [("0", "Not at all", 0), ("1", "A little", 1), ("2", "Somewhat", 2), ("3", "Mostly", 3),
         ("4", "Completely", 4)]


def opt(code, display, value, weights):
    o = {"valueCoding": {"system": "http://example.org/synthetic-answers", "code": code,
                         "display": display}}
    e = [{"url": WEIGHT if weights else ORD, "valueDecimal": value}]
    if weights:
        o["valueCoding"]["extension"] = e  # itemWeight on the coding, as some builders write it
    else:
        o["extension"] = e
    return o


def choice(link, text, weights=False):
    return {"linkId": link, "text": text, "type": "choice", "required": True,
            "answerOption": [opt(c, d, v, weights) for c, d, v in SCALE]}


def nl(o, key):
    o["_" + key] = {"extension": [{"url": TRANSLATION, "extension": [
        {"url": "lang", "valueCode": "nl"}, {"url": "content", "valueString": "[nl] " + o[key]}]}]}


base = {
    "resourceType": "Questionnaire", "id": "synthetic-session-check", "language": "en",
    "url": "http://example.org/Questionnaire/synthetic-session-check", "version": "1.2.0",
    "name": "SyntheticSessionCheck", "title": "Synthetic session check (test wording only)",
    "status": "active", "subjectType": ["Patient"], "publisher": "Synthetic test publisher",
    "copyright": "Synthetic wording written for Triad's tests; not a published instrument.",
    "description": "Tap the answer that fits best.",
    "item": [{"linkId": "part-1", "type": "group", "text": "Part one", "item": [
        dict(choice("1.1", "We agreed on what today was for."),
             code=[{"system": "http://example.org/constructs", "code": "goal"}]),
        choice("1.2", "The exercises made sense to me.", weights=True)]},
        choice("2", "I felt listened to."),
        {"linkId": "3", "text": "Anything else?", "type": "text", "maxLength": 200}]}
nl(base, "title")
nl(base, "description")


def walk(items):
    for it in items:
        nl(it, "text")
        for o in it.get("answerOption", []):
            nl(o["valueCoding"], "display")
        walk(it.get("item", []))


walk(base["item"])
json.dump(base, open("synthetic-session-check.json", "w"), indent=1)

M = {}


def mk(name, f):
    q = copy.deepcopy(base)
    f(q)
    M[name] = q


def vs(q):
    q["item"][1].pop("answerOption")
    q["item"][1]["answerValueSet"] = "http://example.org/ValueSet/x"


def nested(q):
    q["item"][1]["item"] = [{"linkId": "2.1", "type": "text", "text": "Why?"}]


def no_title(q):
    q.pop("title")
    q.pop("_title")


SLIDER = {"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
          "valueCodeableConcept": {"coding": [
              {"system": "http://hl7.org/fhir/questionnaire-item-control", "code": "slider"}]}}

mk("wrong-resource-type", lambda q: q.update(resourceType="Patient"))
mk("no-version", lambda q: q.pop("version"))
mk("bad-version", lambda q: q.update(version="v1"))
mk("no-items", lambda q: q.update(item=[]))
mk("enable-when", lambda q: q["item"][1].update(
    enableWhen=[{"question": "1.1", "operator": "exists", "answerBoolean": True}]))
mk("repeats", lambda q: q["item"][1].update(repeats=True))
mk("answer-value-set", vs)
mk("display-item", lambda q: q["item"].insert(0, {"linkId": "intro", "type": "display",
                                                  "text": "Read this first."}))
mk("no-ordinal", lambda q: q["item"][1]["answerOption"][2].pop("extension"))
mk("ordinal-gap", lambda q: q["item"][1]["answerOption"][4]["extension"][0].update(valueDecimal=7))
mk("date-item", lambda q: q["item"].append({"linkId": "4", "text": "When?", "type": "date"}))
mk("modifier-extension", lambda q: q["item"][1].update(
    modifierExtension=[{"url": "http://example.org/x", "valueBoolean": True}]))
mk("duplicate-linkid", lambda q: q["item"].append(copy.deepcopy(q["item"][1])))
mk("nested-question", nested)
mk("initial-value", lambda q: q["item"][2].update(initial=[{"valueString": "nothing"}]))
mk("unknown-element", lambda q: q.update(scoringRule="sum"))
mk("number-entry", lambda q: q["item"].append({"linkId": "5", "text": "How many?",
                                               "type": "integer"}))
mk("slider-range", lambda q: q["item"].append({"linkId": "6", "text": "How much?",
                                               "type": "decimal", "extension": [
    SLIDER, {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueDecimal": 10}]}))
mk("missing-linkid", lambda q: q["item"][1].pop("linkId"))
mk("boolean-item", lambda q: q["item"].append({"linkId": "7", "text": "Yes or no?",
                                               "type": "boolean"}))
mk("no-title", no_title)
mk("bad-translation", lambda q: q["item"][1]["_text"]["extension"][0]["extension"].pop(1))
mk("option-without-value", lambda q: q["item"][1]["answerOption"][0].pop("valueCoding"))
mk("initial-selected", lambda q: q["item"][1]["answerOption"][0].update(initialSelected=True))
mk("item-not-object", lambda q: q["item"].append("question 8"))
for k, v in M.items():
    json.dump(v, open("malformed/" + k + ".json", "w"), indent=1)
open("malformed/not-json.json", "w").write('{"resourceType": "Questionnaire", "item": [\n')
open("malformed/not-object.json", "w").write('["Questionnaire"]\n')
open("malformed/duplicate-key.json", "w").write(
    '{"resourceType": "Questionnaire", "version": "1.0.0", "version": "2.0.0"}\n')
