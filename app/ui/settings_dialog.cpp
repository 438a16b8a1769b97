#include "settings_dialog.h"

#include "settings.h"
#include "translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keel {

SettingsDialog::SettingsDialog(Settings *settings, Translations *translations, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_translations(translations),
      m_serverLabel(new QLabel), m_languageLabel(new QLabel), m_hint(new QLabel),
      m_server(new QLineEdit), m_language(new QComboBox),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName("settingsDialog");
    m_server->setObjectName("serverEdit");
    m_language->setObjectName("languageCombo");
    m_hint->setObjectName("hintLabel");
    m_hint->setWordWrap(true);
    m_serverLabel->setBuddy(m_server);
    m_languageLabel->setBuddy(m_language);

    m_server->setText(m_settings->serverUrl().toString());
    for (const QString &code : Translations::available())
        m_language->addItem(Translations::displayName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_translations->current())));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_languageLabel, m_language);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

void SettingsDialog::accept()
{
    const QString url = m_server->text().trimmed();
    if (!url.isEmpty())
        m_settings->setServerUrl(QUrl::fromUserInput(url));
    const QString language = m_language->currentData().toString();
    if (language == m_translations->current() || m_translations->switchTo(language))
        m_settings->setLanguage(language);
    m_settings->sync();
    QDialog::accept();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings – Keel"));
    m_serverLabel->setText(tr("&Server:"));
    m_languageLabel->setText(tr("&Language:"));
    m_server->setPlaceholderText(tr("https://keel.example.com"));
    m_hint->setText(tr("A new server address is used the next time you sign in. The language "
                       "changes at once."));
}

} // namespace keel
