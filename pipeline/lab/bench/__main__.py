from pipeline.lab.bench import main

raise SystemExit(main())
