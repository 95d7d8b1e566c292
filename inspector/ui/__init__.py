"""The Qt user interface: thin views over the services built by :mod:`inspector.app`."""
