#pragma once
// Draws an EpisodeReport into a PDF (A4, QPainter on QPdfWriter): header, the alliance chart of
// the three respondents, the table of sessions, the cards with their actions, the forms and
// when it was generated. Needs a QGuiApplication (the offscreen platform is enough).
// Written through QSaveFile: the file appears complete or not at all; never over an existing
// file.

#include "episodereport.h"

namespace triad::report {

bool writeEpisodePdf(const EpisodeReport &report, const QString &file,
                     interop::InteropError *error);

} // namespace triad::report
