# Gives a freshly initialised Tryton database what every real installation sets up before
# using sales: a currency and a company, with the admin user working for it. Opportunities
# (sale.opportunity) belong to a company; the connector takes the user's current company.
#
#   python3 company.py CONF DATABASE [COMPANY NAME] [CURRENCY CODE]
#
# Run with the interpreter trytond uses (scripts/tryton/setup.sh does). Idempotent.
import sys
from decimal import Decimal

from trytond.config import config

config.update_etc(sys.argv[1])

from trytond.pool import Pool  # noqa: E402 (the configuration must be loaded first)
from trytond.transaction import Transaction  # noqa: E402

database = sys.argv[2]
name = sys.argv[3] if len(sys.argv) > 3 else 'Marquee Events Pty Ltd'
code = sys.argv[4] if len(sys.argv) > 4 else 'AUD'

Pool.start()
pool = Pool(database)
pool.init()

with Transaction().start(database, 0) as transaction:
    Currency = pool.get('currency.currency')
    Party = pool.get('party.party')
    Company = pool.get('company.company')
    User = pool.get('res.user')

    currencies = Currency.search([('code', '=', code)])
    if currencies:
        currency, = currencies
    else:
        currency, = Currency.create([{'name': code, 'code': code, 'symbol': '$', 'rounding': Decimal('0.01'), 'digits': 2}])

    companies = Company.search([('party.name', '=', name)])
    if companies:
        company, = companies
    else:
        party, = Party.create([{'name': name}])
        company, = Company.create([{'party': party.id, 'currency': currency.id}])

    admin, = User.search([('login', '=', 'admin')])
    User.write([admin], {'companies': [('add', [company.id])], 'company': company.id})
    transaction.commit()
    print('tryton: company %s (%s) ready' % (name, code))
