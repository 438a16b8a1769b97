#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace keel {

// The application's translators (Keel's own and Qt's). switchTo() replaces them live:
// every widget receives QEvent::LanguageChange and retranslates itself.
class Translations
{
public:
    Translations();
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    static QStringList available();                  // language codes, "en" first
    static QString displayName(const QString &code); // in its own language: "Deutsch"

    // Returns false when the language is unknown or its catalogue could not be loaded.
    bool switchTo(const QString &code);
    QString current() const { return m_current; }

private:
    std::unique_ptr<QTranslator> m_keel;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current = QStringLiteral("en");
};

} // namespace keel
