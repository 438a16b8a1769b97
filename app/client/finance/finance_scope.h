#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace keel {
class ApiClient;
struct UserInfo;
} // namespace keel

namespace keel::finance {

struct LegalEntity
{
    QString id;
    QString code;
    QString name;
    QString currency; // functional
};

// Which legal entity the Finance workspace looks at. Every tab reads the same choice, so the
// aging, the bills, the ledger and the bank show one entity at a time. The list holds the
// entities covered by the user's grants of roles that read finance (a grant without entity
// covers all); the server still answers 404 for one the user may not read, which the tabs show
// in words.
class FinanceScope : public QObject
{
    Q_OBJECT
public:
    FinanceScope(ApiClient *api, const UserInfo &user, QObject *parent = nullptr);

    void load(); // GET /api/v1/legal-entities
    const QList<LegalEntity> &entities() const { return m_entities; }
    QString entityId() const { return m_current; }
    LegalEntity entity() const;
    void setEntityId(const QString &id);
    QString lastError() const { return m_error; }

    // The grants' entity codes ("" for all), the home entity first.
    static QList<LegalEntity> visibleEntities(const QList<LegalEntity> &all,
                                              const QStringList &grantedCodes,
                                              const QString &homeCode);

signals:
    void entitiesLoaded();
    void entityChanged(const QString &id);
    void loadFailed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    QStringList m_granted;
    QString m_home;
    QList<LegalEntity> m_entities;
    QString m_current;
    QString m_error;
};

} // namespace keel::finance
