#pragma once
#include <QString>

namespace triad {
// "Triad 0.1.0 (Qt 6.4.2, OpenSSL 3.0.x, SQLite 3.40.1)" for --version and support requests.
QString buildInfo();
} // namespace triad
