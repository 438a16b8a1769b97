#include "receipt_drop_zone.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace keel::expenses {

ReceiptDropZone::ReceiptDropZone(QWidget *parent)
    : QFrame(parent), m_text(new QLabel), m_error(new QLabel), m_choose(new QPushButton),
      m_clear(new QPushButton)
{
    setObjectName("receiptDropZone");
    setAcceptDrops(true);
    setFrameShape(QFrame::StyledPanel);
    setMinimumHeight(74);
    setHighlighted(false);
    m_text->setWordWrap(true);
    m_text->setObjectName("receiptText");
    m_error->setObjectName("errorLabel");
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#B42318; border:none; background:transparent;"));
    m_error->hide();
    m_choose->setObjectName("chooseReceipt");
    m_choose->setText(tr("Choose file…"));
    m_clear->setObjectName("clearReceipt");
    m_clear->setText(tr("Remove"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_text, 1);
    row->addWidget(m_clear);
    row->addWidget(m_choose);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addLayout(row);
    layout->addWidget(m_error);

    connect(m_choose, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Choose a receipt"), QString(),
                                         tr("Receipts (*.jpg *.jpeg *.png *.pdf);;All files (*)"));
        if (!path.isEmpty())
            offerFile(path);
    });
    connect(m_clear, &QPushButton::clicked, this, &ReceiptDropZone::clear);
    updateText();
}

void ReceiptDropZone::setHighlighted(bool on)
{
    setStyleSheet(on ? QStringLiteral("#receiptDropZone { border: 2px dashed #2F6FDE; "
                                      "border-radius: 8px; background: #EEF4FF; }")
                     : QStringLiteral("#receiptDropZone { border: 2px dashed #C5CBD3; "
                                      "border-radius: 8px; background: #FAFBFC; }"));
}

void ReceiptDropZone::setExisting(const QString &fileName)
{
    m_existing = fileName;
    m_receipt.reset();
    m_error->hide();
    updateText();
}

void ReceiptDropZone::clear()
{
    const bool had = m_receipt.has_value();
    m_receipt.reset();
    m_error->hide();
    updateText();
    if (had)
        emit receiptChanged();
}

QString ReceiptDropZone::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool ReceiptDropZone::offerFile(const QString &path)
{
    ReceiptFile file = ReceiptFile::fromPath(path);
    if (!file.ok()) {
        m_error->setText(file.error);
        m_error->show();
        emit refused(file.error);
        return false;
    }
    m_error->hide();
    m_receipt = std::move(file);
    updateText();
    emit receiptChanged();
    return true;
}

void ReceiptDropZone::updateText()
{
    if (m_receipt) {
        m_text->setText(
            tr("Receipt %1 (%2) will be attached when you save.")
                .arg(m_receipt->fileName, QLocale().formattedDataSize(m_receipt->content.size())));
    } else if (!m_existing.isEmpty()) {
        m_text->setText(tr("Receipt %1 attached. Drop another file to add it.").arg(m_existing));
    } else {
        m_text->setText(tr("Drop the receipt here: a photo (JPEG, PNG) or a PDF, up to "
                           "10 MiB."));
    }
    m_clear->setVisible(m_receipt.has_value());
}

void ReceiptDropZone::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        setHighlighted(true);
        event->acceptProposedAction();
    }
}

void ReceiptDropZone::dragLeaveEvent(QDragLeaveEvent *event)
{
    setHighlighted(false);
    QFrame::dragLeaveEvent(event);
}

void ReceiptDropZone::dropEvent(QDropEvent *event)
{
    setHighlighted(false);
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    if (offerFile(urls.first().toLocalFile()))
        event->acceptProposedAction();
}

} // namespace keel::expenses
