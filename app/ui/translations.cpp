#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace keel {

Translations::Translations()
    : m_keel(std::make_unique<QTranslator>()), m_qt(std::make_unique<QTranslator>())
{}

Translations::~Translations() = default;

QStringList Translations::available()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString Translations::displayName(const QString &code)
{
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    return QStringLiteral("English");
}

bool Translations::switchTo(const QString &code)
{
    if (!available().contains(code))
        return false;
    QCoreApplication::removeTranslator(m_keel.get());
    QCoreApplication::removeTranslator(m_qt.get());
    m_current = QStringLiteral("en");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    if (code == QLatin1String("en"))
        return true;

    // Keel's catalogue is compiled into the executable (qt_add_translations, prefix /i18n).
    if (!m_keel->load(QStringLiteral(":/i18n/keel_") + code))
        return false;
    // Qt's own texts (standard buttons, context menus) come from the system when present.
    if (m_qt->load(QStringLiteral("qtbase_") + code,
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt.get());
    QCoreApplication::installTranslator(m_keel.get());
    QLocale::setDefault(QLocale(code));
    m_current = code;
    return true;
}

} // namespace keel
