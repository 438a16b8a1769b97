#include "token_store.h"

#include <QUrl>

#include <qt6keychain/keychain.h>

namespace keel {

namespace {
constexpr auto ProbeKey = "keel-availability-probe";

// What a QtKeychain error means for us. Without a D-Bus session the libsecret/KWallet
// backends give NoBackendAvailable or OtherError ("Cannot autolaunch D-Bus …").
TokenStore::Status classify(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return TokenStore::Status::Ok;
    case QKeychain::EntryNotFound:
        return TokenStore::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return TokenStore::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return TokenStore::Status::Failed;
    }
    return TokenStore::Status::Failed;
}

QString describe(TokenStore::Status status, const QString &technical)
{
    switch (status) {
    case TokenStore::Status::Ok:
    case TokenStore::Status::NotFound:
        return {};
    case TokenStore::Status::Unavailable:
        return TokenStore::tr("No secure password storage (secret service) is available on "
                              "this computer, so Keel cannot remember your sign-in. (%1)")
            .arg(technical);
    case TokenStore::Status::Failed:
        return TokenStore::tr("The secure password storage refused the request: %1").arg(technical);
    }
    return technical;
}

template <typename Job> Job *makeJob(const QString &service, QObject *parent, const QString &key)
{
    auto *job = new Job(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never plain text
    job->setKey(key);
    return job;
}
} // namespace

TokenStore::TokenStore(QObject *parent) : TokenStore(QStringLiteral("keel"), parent) {}

TokenStore::TokenStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service)
{}

QString TokenStore::keyFor(const QUrl &server, const QString &username)
{
    QUrl url = server.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments |
                               QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url.toString() + QLatin1Char('|') + username.trimmed().toLower();
}

void TokenStore::note(Status status)
{
    if (status == Status::Ok || status == Status::NotFound)
        m_knownUnavailable = false;
    else if (status == Status::Unavailable)
        m_knownUnavailable = true;
}

void TokenStore::checkAvailability()
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, this, ProbeKey);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        const Status s = classify(j->error());
        note(s);
        const bool available = s == Status::Ok || s == Status::NotFound;
        emit availabilityChecked(available, describe(s, j->errorString()));
    });
    job->start();
}

void TokenStore::save(const QUrl &server, const QString &username, const QString &token)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, this, keyFor(server, username));
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        const Status s = classify(j->error());
        note(s);
        emit saved(s, describe(s, j->errorString()));
    });
    job->start();
}

void TokenStore::load(const QUrl &server, const QString &username)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, this, keyFor(server, username));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        const Status s = classify(j->error());
        note(s);
        const QString token =
            s == Status::Ok ? static_cast<QKeychain::ReadPasswordJob *>(j)->textData() : QString();
        emit loaded(s, token, describe(s, j->errorString()));
    });
    job->start();
}

void TokenStore::remove(const QUrl &server, const QString &username)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, this, keyFor(server, username));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        Status s = classify(j->error());
        if (s == Status::NotFound)
            s = Status::Ok; // nothing to delete is fine
        note(s);
        emit removed(s, describe(s, j->errorString()));
    });
    job->start();
}

} // namespace keel
