#pragma once

#include <QObject>
#include <QString>

class QUrl;

namespace keel {

// Keeps the refresh token for "remember me" in the desktop's secret service (QtKeychain;
// service "keel", one entry per server URL and user). Never falls back to plain-text
// storage: when no secret service is reachable every operation reports Unavailable, and
// the caller must tell the user that "remember me" cannot be offered.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Ok,
        NotFound,    // no token stored for this server and user
        Unavailable, // no secret service (no D-Bus session, no keyring …)
        Failed       // the service is there but refused or broke
    };
    Q_ENUM(Status)

    explicit TokenStore(QObject *parent = nullptr);
    explicit TokenStore(const QString &service, QObject *parent = nullptr);

    QString service() const { return m_service; }
    static QString keyFor(const QUrl &server, const QString &username);

    // Each answers exactly once with the matching signal.
    void checkAvailability();
    void save(const QUrl &server, const QString &username, const QString &token);
    void load(const QUrl &server, const QString &username);
    void remove(const QUrl &server, const QString &username);

    // Result of the last completed operation that could tell (Ok/NotFound mean available).
    bool knownUnavailable() const { return m_knownUnavailable; }

signals:
    void availabilityChecked(bool available, const QString &message);
    void saved(keel::TokenStore::Status status, const QString &message);
    void loaded(keel::TokenStore::Status status, const QString &token, const QString &message);
    void removed(keel::TokenStore::Status status, const QString &message);

private:
    void note(Status status);

    QString m_service;
    bool m_knownUnavailable = false;
};

} // namespace keel
