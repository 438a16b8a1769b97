#include "close_records_dialog.h"

#include "close_records_model.h"
#include "finance/finance_widgets.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::closing {

CloseRecordsDialog::CloseRecordsDialog(ApiClient *api, const QString &entity, const QString &period,
                                       const QString &task, const QString &title, QWidget *parent)
    : QDialog(parent), m_records(new CloseRecordsModel(api, this)),
      m_view(finance::financeTable("closeRecords")), m_count(new QLabel)
{
    setObjectName("closeRecordsDialog");
    setWindowTitle(title);
    resize(760, 480);
    m_view->setModel(m_records);
    finance::setColumnWidths(m_view, {320, 110, 150});
    m_view->horizontalHeader()->setSectionResizeMode(CloseRecordsModel::LabelColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->resizeSection(CloseRecordsModel::OwnerColumn, 160);
    m_count->setObjectName("closeRecordsCount");
    m_count->setStyleSheet(QStringLiteral("color:#5d6878;"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(finance::sectionLabel(title));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    layout->addWidget(buttons);

    connect(m_records, &sales::PagedListModel::pageLoaded, this, &CloseRecordsDialog::showCount);
    connect(m_records, &sales::PagedListModel::loadFailed, this, [this](const QString &text) {
        m_count->setStyleSheet(QStringLiteral("color:#B42318;"));
        m_count->setText(tr("The records could not be loaded: %1").arg(text));
    });
    m_records->open(entity, period, task);
}

void CloseRecordsDialog::showCount()
{
    const int n = m_records->rowCount();
    m_count->setText(m_records->canFetchMore({}) ? tr("%1 records shown; scroll for more.").arg(n)
                     : n == 0                    ? tr("Nothing behind this item.")
                     : n == 1                    ? tr("One record.")
                                                 : tr("%1 records.").arg(n));
}

} // namespace keel::closing
