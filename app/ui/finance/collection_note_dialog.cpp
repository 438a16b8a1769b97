#include "collection_note_dialog.h"

#include "api_reply.h"
#include "finance_api.h"
#include "finance_widgets.h"
#include "json_array_model.h"
#include "problem_text.h"
#include "sales_format.h"
#include "timeapproval/list_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

using sales::ListColumn;
using F = ListColumn::Format;

CollectionNoteDialog::CollectionNoteDialog(ApiClient *api, const QJsonObject &invoice,
                                           QWidget *parent)
    : QDialog(parent), m_api(api),
      m_invoice(sales::idText(invoice.contains("invoice_id") ? invoice.value("invoice_id")
                                                             : invoice.value("id"))),
      m_notes(new delivery::JsonArrayModel(
          {{"created_at", QT_TRANSLATE_NOOP("keel::finance::Columns", "Date"), F::Date, {}},
           {"note", QT_TRANSLATE_NOOP("keel::finance::Columns", "Note"), F::Text, {}},
           {"promised_date", QT_TRANSLATE_NOOP("keel::finance::Columns", "Promised"), F::Date, {}},
           {"dunning_level", QT_TRANSLATE_NOOP("keel::finance::Columns", "Dunning"), F::Count, {}}},
          "keel::finance::Columns", this)),
      m_note(new QPlainTextEdit), m_promised(new QCheckBox(tr("Promised to pay on"))),
      m_promisedDate(dateField(QDate::currentDate().addDays(7), "promisedDate")),
      m_level(new QComboBox), m_message(new QLabel)
{
    setObjectName("collectionNoteDialog");
    setWindowTitle(tr("Collection notes · %1").arg(invoice.value("number").toString()));
    const int level = invoice.value("dunning_level").toInt();
    m_level->addItem(tr("Keep level %1").arg(level), -1);
    const QStringList names = {tr("0 · no reminder"), tr("1 · friendly reminder"),
                               tr("2 · second reminder"), tr("3 · final notice")};
    for (int l = level + 1; l <= 3; ++l)
        m_level->addItem(tr("Raise to %1").arg(names.at(l)), l);
    m_note->setPlaceholderText(tr("What was said or agreed, e.g. \"Spoke to AP, payment run "
                                  "on Friday\""));
    m_note->setMaximumHeight(90);
    m_promisedDate->setEnabled(false);
    connect(m_promised, &QCheckBox::toggled, m_promisedDate, &QWidget::setEnabled);
    auto *promise = new QHBoxLayout;
    promise->addWidget(m_promised);
    promise->addWidget(m_promisedDate);
    promise->addStretch(1);

    auto *view = financeTable("collectionNotes");
    view->setModel(m_notes);
    view->horizontalHeader()->resizeSection(0, 100);
    view->horizontalHeader()->resizeSection(1, 360);
    view->horizontalHeader()->resizeSection(2, 100);

    auto *form = new QFormLayout;
    form->addRow(tr("Note"), m_note);
    form->addRow(QString(), promise);
    form->addRow(tr("Dunning level"), m_level);
    m_message->setWordWrap(true);
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &CollectionNoteDialog::save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(view, 1);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 480);
    loadNotes();
}

void CollectionNoteDialog::loadNotes()
{
    ApiReply *r = FinanceApi(m_api).collectionNotes(m_invoice);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (r->ok())
            m_notes->setItems(r->object().value("items").toArray());
        else
            timeapproval::showOutcome(m_message, humanMessage(r->problem()), true);
    });
}

void CollectionNoteDialog::save()
{
    const QString note = m_note->toPlainText().trimmed();
    if (note.isEmpty()) {
        timeapproval::showOutcome(m_message, tr("Write the note first."), true);
        return;
    }
    QJsonObject body{{"note", note}};
    if (m_promised->isChecked())
        body.insert("promised_date", FinanceApi::date(m_promisedDate->date()));
    if (m_level->currentData().toInt() >= 0)
        body.insert("dunning_level", m_level->currentData().toInt());
    ApiReply *r = FinanceApi(m_api).addCollectionNote(m_invoice, body);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            timeapproval::showOutcome(m_message, humanMessage(r->problem()), true);
            return;
        }
        emit saved();
        accept();
    });
}

} // namespace keel::finance
