#include "login_dialog.h"

#include "problem.h"
#include "problem_text.h"
#include "session.h"
#include "token_store.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace keel {

LoginDialog::LoginDialog(Session *session, TokenStore *tokenStore, QWidget *parent)
    : QDialog(parent), m_session(session), m_tokenStore(tokenStore), m_title(new QLabel),
      m_subtitle(new QLabel), m_serverLabel(new QLabel), m_userLabel(new QLabel),
      m_passwordLabel(new QLabel), m_server(new QLineEdit), m_user(new QLineEdit),
      m_password(new QLineEdit), m_remember(new QCheckBox), m_rememberNote(new QLabel),
      m_error(new QLabel), m_busy(new QProgressBar), m_signIn(new QPushButton),
      m_cancel(new QPushButton), m_offline(new QPushButton)
{
    setObjectName("loginDialog");
    m_server->setObjectName("serverEdit");
    m_user->setObjectName("userEdit");
    m_password->setObjectName("passwordEdit");
    m_remember->setObjectName("rememberCheck");
    m_rememberNote->setObjectName("rememberNote");
    m_error->setObjectName("errorLabel");
    m_signIn->setObjectName("signInButton");
    m_title->setObjectName("dialogTitle");
    m_subtitle->setObjectName("dialogSubtitle");
    m_busy->setObjectName("busyIndicator");
    m_offline->setObjectName("workOfflineButton");
    m_offline->setAutoDefault(false);
    m_offline->setVisible(false);

    m_password->setEchoMode(QLineEdit::Password);
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_user->setInputMethodHints(Qt::ImhNoAutoUppercase);
    m_serverLabel->setBuddy(m_server);
    m_userLabel->setBuddy(m_user);
    m_passwordLabel->setBuddy(m_password);

    auto *icon = new QLabel;
    icon->setPixmap(windowIcon().pixmap(56, 56));
    icon->setFixedSize(56, 56);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    auto *header = new QHBoxLayout;
    header->setSpacing(14);
    header->addWidget(icon);
    header->addLayout(titles, 1);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setVerticalSpacing(10);
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(QString(), m_remember);

    m_rememberNote->setWordWrap(true);
    m_rememberNote->setVisible(false);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedHeight(4);
    m_busy->setVisible(false);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    buttons->addButton(m_offline, QDialogButtonBox::ActionRole);
    connect(m_offline, &QPushButton::clicked, this, &LoginDialog::workOfflineRequested);
    m_offline->setVisible(m_offlineAvailable);
    m_signIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(14);
    layout->addLayout(header);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_rememberNote);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    for (QLineEdit *e : {m_server, m_user, m_password})
        connect(e, &QLineEdit::textChanged, this, &LoginDialog::updateSignInEnabled);
    connect(m_session, &Session::busyChanged, this, &LoginDialog::setBusy);
    connect(m_session, &Session::signInFailed, this, &LoginDialog::onFailed);
    connect(m_session, &Session::signedIn, this, [this] {
        if (isVisible())
            accept();
    });
    if (m_tokenStore) {
        connect(m_tokenStore, &TokenStore::availabilityChecked, this, &LoginDialog::onAvailability);
        m_tokenStore->checkAvailability();
    }
    retranslate();
    updateSignInEnabled();
}

void LoginDialog::setServerUrl(const QUrl &url)
{
    m_server->setText(url.toString());
}

void LoginDialog::setUserName(const QString &name)
{
    m_user->setText(name);
    if (!name.isEmpty())
        m_password->setFocus();
}

void LoginDialog::setRememberMe(bool remember)
{
    m_remember->setChecked(remember && m_keychainAvailable);
}

void LoginDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

QUrl LoginDialog::serverUrl() const
{
    return QUrl::fromUserInput(m_server->text().trimmed());
}

QString LoginDialog::userName() const
{
    return m_user->text().trimmed();
}

bool LoginDialog::rememberMe() const
{
    return m_keychainAvailable && m_remember->isChecked();
}

void LoginDialog::signIn()
{
    if (m_session->isBusy())
        return;
    const QUrl url = serverUrl();
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        showError(tr("Please enter the server address, for example https://keel.example.com."));
        m_server->setFocus();
        return;
    }
    if (userName().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Please enter your user name and password."));
        return;
    }
    m_error->setVisible(false);
    m_session->signIn(url, userName(), m_password->text());
}

void LoginDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void LoginDialog::setOfflineAvailable(bool available)
{
    m_offlineAvailable = available;
    m_offline->setVisible(available);
}

void LoginDialog::onFailed(const Problem &problem)
{
    showError(isNetworkProblem(problem) && m_offlineAvailable
                  ? tr("%1\nYou can work offline: your time and expenses are kept on this "
                       "computer and sent when the server can be reached.")
                        .arg(humanMessage(problem))
                  : humanMessage(problem));
    if (isNetworkProblem(problem)) {
        m_server->setFocus();
    } else {
        m_password->setFocus();
        m_password->selectAll();
    }
}

void LoginDialog::onAvailability(bool available, const QString &message)
{
    m_keychainAvailable = available;
    m_keychainMessage = message;
    m_remember->setEnabled(available);
    if (!available)
        m_remember->setChecked(false);
    m_remember->setToolTip(available ? QString() : message);
    m_rememberNote->setVisible(!available);
    retranslate();
}

void LoginDialog::setBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_server, m_user, m_password})
        w->setEnabled(!busy);
    m_remember->setEnabled(!busy && m_keychainAvailable);
    m_busy->setVisible(busy);
    retranslate();
    updateSignInEnabled();
}

void LoginDialog::updateSignInEnabled()
{
    m_signIn->setEnabled(!m_session->isBusy() && !m_server->text().trimmed().isEmpty() &&
                         !m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("Sign in – Keel"));
    m_title->setText(tr("Sign in to Keel"));
    m_subtitle->setText(tr("Use the account your administrator gave you."));
    m_serverLabel->setText(tr("&Server:"));
    m_userLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_server->setPlaceholderText(tr("https://keel.example.com"));
    m_remember->setText(tr("&Remember me on this computer"));
    m_rememberNote->setText(
        tr("“Remember me” is unavailable: this computer has no secure password storage "
           "(secret service). You will be asked for your password each time."));
    m_signIn->setText(m_session->isBusy() ? tr("Signing in…") : tr("Sign in"));
    m_cancel->setText(tr("Cancel"));
    m_offline->setText(tr("Work &offline"));
    m_offline->setToolTip(tr("Enter time and expenses without the server; they are sent when "
                             "Keel reconnects."));
}

} // namespace keel
