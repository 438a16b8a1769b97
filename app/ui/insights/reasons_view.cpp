#include "reasons_view.h"

#include "insights_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <cmath>

namespace keel::insights {

namespace {
// A bar from the middle: right and green for a factor that raises the chance, left and red for
// one that lowers it, its length by |effect| (1.5 on the log-odds scale fills half).
class EffectBar : public QWidget
{
public:
    explicit EffectBar(double effect) : m_effect(effect) { setFixedSize(64, 14); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const double half = width() / 2.0;
        const double len = std::min(1.0, std::abs(m_effect) / 1.5) * (half - 1);
        p.fillRect(QRectF(0, 5, width(), 4), QColor(0xed, 0xf2, 0xf7));
        const QColor c = m_effect >= 0 ? QColor(0x2f, 0x85, 0x5a) : QColor(0xc5, 0x30, 0x30);
        if (m_effect >= 0)
            p.fillRect(QRectF(half, 2, len, 10), c);
        else
            p.fillRect(QRectF(half - len, 2, len, 10), c);
        p.fillRect(QRectF(half - 0.5, 0, 1, height()), QColor(0x71, 0x80, 0x96));
    }

private:
    double m_effect;
};
} // namespace

ReasonsView::ReasonsView(QWidget *parent) : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
}

void ReasonsView::setReasons(const QList<InsightsReason> &reasons)
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_sentences.clear();
    for (const InsightsReason &r : reasons) {
        auto *row = new QWidget;
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        if (!r.effect.isEmpty()) {
            auto *bar = new EffectBar(r.effect.toDouble());
            h->addWidget(bar, 0, Qt::AlignTop);
        } else {
            auto *dot = new QLabel(QStringLiteral("•"));
            dot->setFixedWidth(12);
            h->addWidget(dot, 0, Qt::AlignTop);
        }
        const QString sentence = reasonSentence(r);
        m_sentences.append(sentence);
        auto *label = new QLabel(sentence);
        label->setObjectName("reasonSentence");
        label->setWordWrap(true);
        label->setToolTip(r.text);
        h->addWidget(label, 1);
        m_layout->addWidget(row);
    }
    m_layout->addStretch();
}

} // namespace keel::insights
