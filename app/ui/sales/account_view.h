#pragma once

#include <QWidget>

class QLabel;
class QTabWidget;

namespace keel {
class Session;
}

namespace keel::sales {

class ListPanel;

// The account 360° view: header (industry, country, currency, terms, owner, parent) and tabs
// with the account's contacts, activities, opportunities, quotes, contracts and projects, each
// a lazy server list.
class AccountView : public QWidget
{
    Q_OBJECT
public:
    AccountView(Session *session, const QString &accountId, QWidget *parent = nullptr);

signals:
    void opportunityActivated(const QString &id);
    void quoteActivated(const QString &id);
    void contractActivated(const QString &id);

private:
    Session *m_session;
    QString m_id;
    QLabel *m_title;
    QLabel *m_facts;
    QTabWidget *m_tabs;
};

} // namespace keel::sales
