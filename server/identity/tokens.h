#pragma once

#include <QByteArray>

namespace keel {

// A new 256-bit random token, base64url without padding (43 characters).
QByteArray newToken();
// What the database keeps instead of the token: its SHA-256.
QByteArray tokenHash(const QByteArray &token);

} // namespace keel
