#include "settings.h"

#include <QSettings>

namespace keel {

namespace {
constexpr auto ServerKey = "connection/server_url";
constexpr auto UserKey = "connection/last_user";
constexpr auto RememberKey = "connection/remember_me";
constexpr auto LanguageKey = "ui/language";
} // namespace

Settings::Settings() : m_settings(std::make_unique<QSettings>()) {}

Settings::Settings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QUrl Settings::serverUrl() const
{
    return QUrl(m_settings->value(ServerKey).toString());
}

void Settings::setServerUrl(const QUrl &url)
{
    m_settings->setValue(ServerKey, url.toString());
}

QString Settings::lastUser() const
{
    return m_settings->value(UserKey).toString();
}

void Settings::setLastUser(const QString &user)
{
    m_settings->setValue(UserKey, user);
}

QString Settings::language() const
{
    return m_settings->value(LanguageKey, QStringLiteral("en")).toString();
}

void Settings::setLanguage(const QString &language)
{
    m_settings->setValue(LanguageKey, language);
}

bool Settings::rememberMe() const
{
    return m_settings->value(RememberKey, false).toBool();
}

void Settings::setRememberMe(bool remember)
{
    m_settings->setValue(RememberKey, remember);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace keel
