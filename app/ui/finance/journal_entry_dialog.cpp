#include "journal_entry_dialog.h"

#include "finance_widgets.h"
#include "journal_entry.h"
#include "json_array_model.h"
#include "sales_format.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

JournalEntryDialog::JournalEntryDialog(ApiClient *api, const QString &entryId, QWidget *parent)
    : QDialog(parent), m_entry(new JournalEntry(api, this)), m_header(new QLabel),
      m_lines(financeTable("journalLines"))
{
    setObjectName("journalEntryDialog");
    setWindowTitle(tr("Journal entry %1").arg(entryId));
    m_header->setObjectName("journalHeader");
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setText(tr("Loading…"));
    m_lines->setModel(m_entry->lines());
    setColumnWidths(m_lines, {75, 200, 120, 120, 80, 150, 150});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_lines, 1);
    layout->addWidget(buttons);
    resize(1040, 420);
    connect(m_entry, &JournalEntry::loaded, this, &JournalEntryDialog::showEntry);
    connect(m_entry, &JournalEntry::loadFailed, this, [this](const QString &text) {
        m_header->setText(tr("The entry could not be loaded: %1").arg(text.toHtmlEscaped()));
    });
    m_entry->load(entryId);
}

void JournalEntryDialog::showEntry()
{
    const QJsonObject e = m_entry->entry();
    QString html = QStringLiteral("<h3 style='margin:0'>%1</h3>")
                       .arg(tr("Entry %1 · %2 · %3")
                                .arg(sales::idText(e.value("id")),
                                     sales::formatDateText(e.value("date").toString()),
                                     JournalEntry::statusText(e.value("status").toString())));
    html += tr("<p>%1<br>Source: %2 · entity %3 · functional currency %4</p>")
                .arg(e.value("description").toString().toHtmlEscaped(),
                     JournalEntry::sourceText(e.value("source_type").toString(),
                                              e.value("source_id").toString())
                         .toHtmlEscaped(),
                     e.value("legal_entity").toString().toHtmlEscaped(),
                     e.value("functional_currency").toString());
    if (!e.value("reverses_id").isNull())
        html += tr("<p>Reverses entry %1.</p>").arg(sales::idText(e.value("reverses_id")));
    if (!e.value("reversed_by_id").isNull())
        html += tr("<p>Reversed by entry %1.</p>").arg(sales::idText(e.value("reversed_by_id")));
    m_header->setText(html);
}

QString JournalEntryDialog::headerText() const
{
    return m_header->text();
}

} // namespace keel::finance
