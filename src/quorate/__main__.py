import sys

from quorate.cli import main

sys.exit(main())
