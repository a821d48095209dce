#pragma once
// The database schema as a table of migration steps. Each step is applied in one
// BEGIN IMMEDIATE transaction that also sets PRAGMA user_version to the step's version,
// so a database is always at exactly one released version, never between two.
//
// Released steps are never edited: a change is a new step, and a fixture of every released
// version lives in tests/data/db/v<N>.sqlite (tests/core/store/tst_migrations.cpp).

#include <QStringList>
#include <QVector>

namespace triad::store {

struct MigrationStep
{
    int version = 0;
    QStringList statements;
};

const QVector<MigrationStep> &migrationSteps();
int currentSchemaVersion();

// Every table holding clinic data, parents before children (a safe order for copying;
// reverse it for deleting). For backup/restore, verify and the erasure canary.
QStringList dataTables();
// The data tables a database at `schemaVersion` has (round_skip from v3, dashboard_instrument
// and dashboard_fact from v4): for reading a
// snapshot or backup written by an older version before it is migrated.
QStringList dataTables(int schemaVersion);

// Fixed vocabularies the schema checks (CHECK constraints) and the repositories validate.
QStringList conditionCategories(); // acl-injury, low-back-pain, ...
QStringList staffRoles();          // physio, lead, admin
QStringList responseStatuses();    // draft, complete, declined
QStringList declineReasons();      // child-declined, too-upset, ...
QStringList sessionSettings();     // clinic, home, school, telehealth (v2)
// dashboard_fact.condition codes (v4): code N is entry N - 1. Fixed by the released step.
QStringList dashboardFactConditions();
QStringList skipReasons(); // absent, declined, too-distressed, no-form-for-age, other (v3)

} // namespace triad::store
