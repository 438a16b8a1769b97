#include "password_hasher.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace keel {

namespace {
void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            throw std::runtime_error("libsodium failed to initialise");
    });
}
} // namespace

QString hashPassword(const QByteArray &password)
{
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.constData(), quint64(password.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString &hash, const QByteArray &password)
{
    ensureSodium();
    const QByteArray h = hash.toLatin1();
    return crypto_pwhash_str_verify(h.constData(), password.constData(),
                                    quint64(password.size())) == 0;
}

void burnPasswordVerification(const QByteArray &password)
{
    static const QString dummy = hashPassword("keel-dummy-password");
    verifyPassword(dummy, password);
}

} // namespace keel
