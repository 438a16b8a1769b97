#pragma once

#include <QDialog>

class QTreeWidget;
class QLabel;

namespace keel::offline {
class LocalStore;
class SyncEngine;
} // namespace keel::offline

namespace keel::timesheet {

// The sync log in words: what the server applied, refused (with the reason) or found in
// conflict, newest first, and what still waits to be sent.
class SyncLogDialog : public QDialog
{
    Q_OBJECT
public:
    SyncLogDialog(offline::LocalStore *store, offline::SyncEngine *engine,
                  QWidget *parent = nullptr);

    void reload();
    QTreeWidget *list() const { return m_list; }

private:
    offline::LocalStore *m_store;
    offline::SyncEngine *m_engine;
    QTreeWidget *m_list;
    QLabel *m_summary;
};

} // namespace keel::timesheet
