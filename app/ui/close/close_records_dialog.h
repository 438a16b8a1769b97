#pragma once

#include <QDialog>

class QLabel;
class QTableView;

namespace keel {
class ApiClient;
}

namespace keel::closing {

class CloseRecordsModel;

// The records behind a checklist item, paged as the list scrolls: what has to be approved,
// billed or issued before the item turns green, with its amount and owner.
class CloseRecordsDialog : public QDialog
{
    Q_OBJECT
public:
    CloseRecordsDialog(ApiClient *api, const QString &entity, const QString &period,
                       const QString &task, const QString &title, QWidget *parent = nullptr);

    CloseRecordsModel *records() const { return m_records; }
    QTableView *view() const { return m_view; }

private:
    void showCount();

    CloseRecordsModel *m_records;
    QTableView *m_view;
    QLabel *m_count;
};

} // namespace keel::closing
