#pragma once

#include <QByteArray>
#include <QString>

namespace keel {

// Argon2id through libsodium (crypto_pwhash_str), at libsodium's "interactive" cost.
QString hashPassword(const QByteArray &password);
bool verifyPassword(const QString &hash, const QByteArray &password);
// Spends the time of one verification, so unknown user names answer as slowly as known ones.
void burnPasswordVerification(const QByteArray &password);

} // namespace keel
