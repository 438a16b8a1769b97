#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace keel {

class Settings;
class Translations;

// Server address and language. OK saves both; a new language takes effect at once.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(Settings *settings, Translations *translations, QWidget *parent = nullptr);

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Settings *m_settings;
    Translations *m_translations;
    QLabel *m_serverLabel;
    QLabel *m_languageLabel;
    QLabel *m_hint;
    QLineEdit *m_server;
    QComboBox *m_language;
    QDialogButtonBox *m_buttons;
};

} // namespace keel
