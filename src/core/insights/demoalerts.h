#pragma once
// The demo clinic as a clinic would have it after months of use: the synthetic responses
// of store::DemoClinic, and the alerts each end-of-session round would have stored, so the
// episode screens and the lead's dashboard show ruptures, repairs and prompts.

#include "core/store/democlinic.h"

namespace triad::insights {

// Creates the demo clinic (the vault ends unlocked as the demo admin), then stores every
// session's alerts in session order. The clinic's norms are taken from the finished demo
// data rather than rebuilt session by session: close enough for a demonstration, and
// stated here because a real clinic's early sessions had fewer norms to go on.
std::optional<store::DemoSummary> createDemoClinicWithAlerts(store::Database &db,
                                                             const InstrumentLibrary &library,
                                                             crypto::Vault &vault,
                                                             const store::DemoOptions &options);

} // namespace triad::insights
