#include "app_controller.h"

#include "command_line.h"
#include "local_store.h"
#include "login_dialog.h"
#include "main_window.h"
#include "problem.h"
#include "problem_text.h"
#include "session.h"
#include "settings.h"
#include "settings_dialog.h"
#include "sync_engine.h"
#include "token_store.h"
#include "translations.h"
#include "workspaces.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QStatusBar>

#include <memory>
#include <utility>

namespace keel {

AppController::AppController(Settings *settings, Translations *translations, TokenStore *tokenStore,
                             QObject *parent)
    : QObject(parent), m_settings(settings), m_translations(translations), m_tokenStore(tokenStore),
      m_session(new Session(this)), m_store(new offline::LocalStore(this)),
      m_sync(new offline::SyncEngine(m_store, m_session->api(), this))
{
    connect(m_session, &Session::signedIn, this, &AppController::onSignedIn);
    connect(m_session, &Session::serverBack, this, &AppController::reconnect);
    connect(m_session, &Session::signedOut, this, &AppController::onSignedOut);
    connect(m_session, &Session::signInFailed, this, [this](const Problem &p) {
        if (m_login && m_login->isVisible())
            return;
        if (isNetworkProblem(p)) {
            // No server: keep working offline, or start so when this user has been here.
            if (m_session->isOfflineMode())
                return;
            const QString user = m_pendingUser.isEmpty() ? m_settings->lastUser() : m_pendingUser;
            if (startOffline(m_session->serverUrl(), user))
                return;
        }
        onSignInFailedWithoutDialog(humanMessage(p));
    });
    connect(m_session, &Session::refreshTokenChanged, this, [this](const QString &token) {
        if (m_remember && m_session->isSignedIn() && !token.isEmpty())
            m_tokenStore->save(m_session->serverUrl(), m_rememberedUser, token);
    });
    connect(m_session, &Session::sessionExpired, this,
            [this] { m_endMessage = tr("Your session has ended. Please sign in again."); });
    connect(m_tokenStore, &TokenStore::saved, this,
            [this](TokenStore::Status status, const QString &message) {
                if (status != TokenStore::Status::Ok && m_mainWindow)
                    m_mainWindow->statusBar()->showMessage(message, 15000);
            });
}

AppController::~AppController()
{
    delete m_mainWindow;
    delete m_login;
}

LoginDialog *AppController::loginDialog() const
{
    return m_login;
}

void AppController::start(const CommandLine &commandLine)
{
    if (commandLine.server.isValid())
        m_pendingServer = commandLine.server;
    if (commandLine.autoSignIn()) {
        m_remember = false;
        m_pendingUser = commandLine.user;
        m_session->signIn(commandLine.server, commandLine.user, commandLine.password);
        return;
    }
    if (m_settings->rememberMe() && !m_settings->lastUser().isEmpty() &&
        m_settings->serverUrl().isValid()) {
        tryRememberedSession();
        return;
    }
    showLogin();
}

void AppController::tryRememberedSession()
{
    auto *store = m_tokenStore;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(store, &TokenStore::loaded, this,
                [this, connection](TokenStore::Status status, const QString &token,
                                   const QString &message) {
                    disconnect(*connection);
                    if (status == TokenStore::Status::Ok && !token.isEmpty()) {
                        m_remember = true;
                        m_pendingUser = m_settings->lastUser();
                        m_session->resume(m_settings->serverUrl(), token);
                        return;
                    }
                    showLogin(status == TokenStore::Status::NotFound ? QString() : message);
                });
    store->load(m_settings->serverUrl(), m_settings->lastUser());
}

void AppController::showLogin(const QString &error)
{
    if (m_login)
        m_login->deleteLater();
    m_login = new LoginDialog(m_session, m_tokenStore, m_mainWindow);
    m_login->setServerUrl(m_pendingServer.isValid() ? m_pendingServer : m_settings->serverUrl());
    m_login->setUserName(m_pendingUser.isEmpty() ? m_settings->lastUser() : m_pendingUser);
    m_login->setRememberMe(m_settings->rememberMe());
    m_login->showError(error);
    m_login->setOfflineAvailable(!m_session->isOfflineMode() &&
                                 hasOfflineIdentity(m_login->serverUrl(), m_login->userName()));
    connect(m_login, &LoginDialog::workOfflineRequested, this, [this] {
        if (!startOffline(m_login->serverUrl(), m_login->userName()))
            m_login->showError(tr("There is no offline copy for %1 on this computer yet: sign "
                                  "in once while connected.")
                                   .arg(m_login->userName()));
    });
    connect(m_login, &QDialog::rejected, this, [this] {
        if (!m_session->isSignedIn() && !m_session->isOfflineMode())
            QApplication::quit();
    });
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
    emit windowShown(m_login);
}

void AppController::onSignInFailedWithoutDialog(const QString &message)
{
    m_remember = false;
    showLogin(message);
}

void AppController::onSignedIn()
{
    if (m_login && m_login->isVisible()) {
        m_remember = m_login->rememberMe();
        m_settings->setServerUrl(m_login->serverUrl());
        m_settings->setLastUser(m_login->userName());
        m_settings->setRememberMe(m_remember);
        m_login->hide();
    }
    m_settings->sync();
    m_pendingUser.clear();
    m_pendingServer.clear();
    m_rememberedUser = m_settings->lastUser();
    if (m_remember)
        m_tokenStore->save(m_session->serverUrl(), m_rememberedUser, m_session->refreshToken());

    m_offlineUser.clear();
    ensureMainWindow();
    if (openStore(m_session->serverUrl(), m_session->user().username)) {
        // What an offline start needs next time: who this is and what they may do.
        m_store->setCachedIdentity(
            {{"server", m_session->serverUrl().toString()},
             {"username", m_session->user().username},
             {"me",
              QJsonObject{{"user", m_session->user().toJson()},
                          {"permissions", QJsonArray::fromStringList(m_session->permissions())}}},
             {"saved_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
        m_mainWindow->setOfflineSync(m_store, m_sync);
    } else {
        m_mainWindow->setOfflineSync(nullptr, nullptr);
    }
    m_mainWindow->showUser();
    m_mainWindow->show();
    m_mainWindow->raise();
    m_mainWindow->activateWindow();
    emit windowShown(m_mainWindow);
    if (m_store->isOpen()) {
        if (m_sync->isEnabled())
            m_sync->syncNow();
        else
            m_sync->setEnabled(true);
    }
}

void AppController::ensureMainWindow()
{
    if (m_mainWindow)
        return;
    m_mainWindow = new MainWindow(m_session);
    connect(m_mainWindow, &MainWindow::signOutRequested, m_session, &Session::signOut);
    connect(m_mainWindow, &MainWindow::settingsRequested, this, &AppController::openSettings);
}

bool AppController::openStore(const QUrl &server, const QString &username)
{
    const QString dir =
        m_offlineDirectory.isEmpty() ? offline::LocalStore::defaultDirectory() : m_offlineDirectory;
    const QString path =
        dir + QLatin1Char('/') + offline::LocalStore::fileNameFor(server, username);
    if (m_store->isOpen() && m_store->filePath() == path)
        return true;
    m_sync->setEnabled(false);
    return m_store->openFor(server, username, dir);
}

bool AppController::hasOfflineIdentity(const QUrl &server, const QString &username) const
{
    if (!server.isValid() || username.isEmpty())
        return false;
    const QString dir =
        m_offlineDirectory.isEmpty() ? offline::LocalStore::defaultDirectory() : m_offlineDirectory;
    const QString path =
        dir + QLatin1Char('/') + offline::LocalStore::fileNameFor(server, username);
    if (!QFile::exists(path))
        return false;
    offline::LocalStore probe;
    return probe.open(path) && !probe.cachedIdentity().isEmpty();
}

bool AppController::startOffline(const QUrl &server, const QString &username)
{
    if (!hasOfflineIdentity(server, username) || !openStore(server, username))
        return false;
    const QJsonObject me = m_store->cachedIdentity().value("me").toObject();
    QStringList permissions;
    for (const QJsonValue &v : me.value("permissions").toArray())
        permissions.append(v.toString());
    m_offlineUser = username;
    m_pendingUser.clear();
    m_sync->setEnabled(false);
    m_session->startOffline(server, UserInfo::fromJson(me.value("user").toObject()), permissions);
    if (m_login)
        m_login->hide();
    ensureMainWindow();
    m_mainWindow->setOfflineSync(m_store, m_sync);
    m_mainWindow->showUser();
    m_mainWindow->openWorkspace(QString::fromLatin1(WorkspaceId::Time));
    m_mainWindow->show();
    m_mainWindow->raise();
    m_mainWindow->activateWindow();
    m_store->appendLog(QStringLiteral("info"),
                       tr("Started offline as %1; changes stay on this computer until Keel "
                          "reaches %2.")
                           .arg(username, server.toString()));
    emit windowShown(m_mainWindow);
    return true;
}

void AppController::reconnect()
{
    if (!m_session->isOfflineMode() || m_session->isBusy() || (m_login && m_login->isVisible()))
        return;
    const QUrl server = m_session->serverUrl();
    const QString user = m_offlineUser;
    // A remembered session resumes by itself; otherwise the password is needed once.
    if (m_settings->rememberMe() && m_settings->lastUser() == user) {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection =
            connect(m_tokenStore, &TokenStore::loaded, this,
                    [this, connection, server, user](TokenStore::Status status,
                                                     const QString &token, const QString &) {
                        disconnect(*connection);
                        if (status == TokenStore::Status::Ok && !token.isEmpty()) {
                            m_remember = true;
                            m_pendingUser = user;
                            m_session->resume(server, token);
                            return;
                        }
                        m_pendingServer = server;
                        m_pendingUser = user;
                        showLogin(tr("The server can be reached again. Sign in to send "
                                     "the changes you made offline."));
                    });
        m_tokenStore->load(server, user);
        return;
    }
    m_pendingServer = server;
    m_pendingUser = user;
    showLogin(tr("The server can be reached again. Sign in to send the changes you made "
                 "offline."));
}

void AppController::onSignedOut()
{
    m_sync->setEnabled(false);
    m_store->close();
    m_offlineUser.clear();
    if (m_remember) {
        m_tokenStore->remove(m_session->serverUrl(), m_rememberedUser);
        m_remember = false;
    }
    if (m_mainWindow)
        m_mainWindow->hide();
    showLogin(std::exchange(m_endMessage, QString()));
}

void AppController::openSettings()
{
    SettingsDialog dialog(m_settings, m_translations, m_mainWindow);
    dialog.exec();
}

} // namespace keel
