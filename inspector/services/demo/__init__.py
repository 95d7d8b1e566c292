"""The demo seed's parts; the public entry point is :mod:`inspector.services.demo_data`.

* :mod:`.reference`: the reference data of ``resources/demo/*.json`` and weighted pickers.
* :mod:`.organisation`: warehouses, stations and users.
* :mod:`.customers` and :mod:`.returns`: announced returns, their lines and tracking numbers.
* :mod:`.receiving`, :mod:`.item` and :mod:`.answers`: parcels, inspections graded by the real
  checklist templates and the grading policy, LPNs.
* :mod:`.trail`: photos and the audit trail; :mod:`.rows`: fast bulk inserts; :mod:`.state`: what a
  run shares between its phases.
"""
