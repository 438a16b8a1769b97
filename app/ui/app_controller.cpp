#include "app_controller.h"

#include "command_line.h"
#include "login_dialog.h"
#include "main_window.h"
#include "problem.h"
#include "problem_text.h"
#include "session.h"
#include "settings.h"
#include "settings_dialog.h"
#include "token_store.h"
#include "translations.h"

#include <QApplication>
#include <QStatusBar>

#include <memory>
#include <utility>

namespace keel {

AppController::AppController(Settings *settings, Translations *translations, TokenStore *tokenStore,
                             QObject *parent)
    : QObject(parent), m_settings(settings), m_translations(translations), m_tokenStore(tokenStore),
      m_session(new Session(this))
{
    connect(m_session, &Session::signedIn, this, &AppController::onSignedIn);
    connect(m_session, &Session::signedOut, this, &AppController::onSignedOut);
    connect(m_session, &Session::signInFailed, this, [this](const Problem &p) {
        if (!m_login || !m_login->isVisible())
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
    connect(m_login, &QDialog::rejected, this, [this] {
        if (!m_session->isSignedIn())
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

    if (!m_mainWindow) {
        m_mainWindow = new MainWindow(m_session);
        connect(m_mainWindow, &MainWindow::signOutRequested, m_session, &Session::signOut);
        connect(m_mainWindow, &MainWindow::settingsRequested, this, &AppController::openSettings);
    }
    m_mainWindow->showUser();
    m_mainWindow->show();
    m_mainWindow->raise();
    m_mainWindow->activateWindow();
    emit windowShown(m_mainWindow);
}

void AppController::onSignedOut()
{
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
