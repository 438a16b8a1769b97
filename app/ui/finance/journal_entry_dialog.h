#pragma once

#include <QDialog>

class QLabel;
class QTableView;

namespace keel {
class ApiClient;
}

namespace keel::finance {

class JournalEntry;

// Read-only view of one journal entry: date, status, the document that posted it, the
// description, and its lines in transaction and functional currency with the rate used.
class JournalEntryDialog : public QDialog
{
    Q_OBJECT
public:
    JournalEntryDialog(ApiClient *api, const QString &entryId, QWidget *parent = nullptr);
    JournalEntry *entry() const { return m_entry; }
    QString headerText() const;

private:
    void showEntry();

    JournalEntry *m_entry;
    QLabel *m_header;
    QTableView *m_lines;
};

} // namespace keel::finance
