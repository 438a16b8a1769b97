#pragma once

#include <QString>
#include <QUrl>

#include <memory>

class QSettings;

namespace keel {

// The client's persistent preferences (QSettings). Never holds secrets: the refresh token
// lives in TokenStore.
class Settings
{
public:
    Settings();                                // the user's settings for this application
    explicit Settings(const QString &iniFile); // a specific file (tests)
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);

    QString lastUser() const;
    void setLastUser(const QString &user);

    // "en" or "de".
    QString language() const;
    void setLanguage(const QString &language);

    bool rememberMe() const;
    void setRememberMe(bool remember);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace keel
